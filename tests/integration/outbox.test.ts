import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createDepartment, setDepartmentWebhook } from "@/lib/departments/queries";
import { enqueueEmail, enqueueWebhook } from "@/lib/outbox/enqueue";
import { outboxStatus, retryFailed } from "@/lib/outbox/queries";
import { MAX_ATTEMPTS } from "@/lib/outbox/rules";
import { sendDue } from "@/lib/outbox/send";
import { saveSmtpSettings, smtpSettings, smtpSettingsView } from "@/lib/settings/queries";
import { startRobot, startSmtp, type RobotReceiver } from "./support/mail-servers";

// The sender against a real SMTP server and a real HTTP receiver on loopback: sent once, retried
// with backoff while the other side is down, given up after MAX_ATTEMPTS, never sent twice.

const MINUTE = 60_000;
let robot: RobotReceiver;
beforeAll(async () => {
  robot = await startRobot();
});
afterAll(() => robot.close());
beforeEach(async () => {
  await db.outboundMessage.deleteMany();
  robot.requests.length = 0;
  robot.answer(() => ({ status: 200, body: { errcode: 0, errmsg: "ok" } }));
});

const smtpForm = (port: number, extra: Partial<{ user: string; password: string; clearPassword: boolean }> = {}) => ({
  host: "127.0.0.1", port, secure: false, user: "", password: "", clearPassword: false, from: "training@example.com", ...extra,
});
const queueEmail = (to: string, subject = "【学习提醒】测试", text = "第一行\n第二行：已逾期 2 天") =>
  db.$transaction((tx) => enqueueEmail(tx, { dedupeKey: `test:${randomUUID()}`, to, subject, text }));
async function department(kind: "wecom" | "dingtalk" | "feishu") {
  const created = await createDepartment(`部门${randomUUID().slice(0, 6)}`, null);
  if (!created.ok) throw new Error(created.message);
  expect(await setDepartmentWebhook(created.id, { kind, url: robot.url(`/${kind}/${created.id}`) })).toBe(true);
  return created.id;
}

describe("outbox sender", () => {
  it("sends a queued email through the saved SMTP server, with its subject and text, once", async () => {
    const smtp = await startSmtp(0, { user: "robot", pass: "s3cret" });
    try {
      await saveSmtpSettings(smtpForm(smtp.port, { user: "robot", password: "s3cret" }));
      expect(await db.$transaction((tx) => enqueueEmail(tx, { dedupeKey: "once", to: "a@example.com", subject: "【学习提醒】「任务」已逾期 2 天", text: "你好：\n请尽快完成。" }))).toBe(true);
      // The same key again (a job run twice) queues nothing.
      expect(await db.$transaction((tx) => enqueueEmail(tx, { dedupeKey: "once", to: "a@example.com", subject: "x", text: "x" }))).toBe(false);

      expect(await sendDue()).toEqual({ sent: 1, retried: 0, failed: 0 });
      expect(smtp.mails).toEqual([{ from: "training@example.com", to: ["a@example.com"], subject: "【学习提醒】「任务」已逾期 2 天", text: "你好：\n请尽快完成。" }]);
      expect(await sendDue()).toEqual({ sent: 0, retried: 0, failed: 0 });
      expect(smtp.mails).toHaveLength(1);
      const row = await db.outboundMessage.findUniqueOrThrow({ where: { dedupeKey: "once" } });
      expect(row).toMatchObject({ status: "sent", attempts: 1, lastError: null });
    } finally {
      await smtp.close();
    }
  });

  it("keeps the saved password when the form leaves it empty, and never shows it", async () => {
    await saveSmtpSettings(smtpForm(2525, { user: "robot", password: "s3cret" }));
    await saveSmtpSettings(smtpForm(2526, { user: "robot", password: "" }));
    expect((await smtpSettings())?.password).toBe("s3cret");
    const view = await smtpSettingsView();
    expect(view).toMatchObject({ port: 2526, hasPassword: true });
    expect(JSON.stringify(view)).not.toContain("s3cret");
    await saveSmtpSettings(smtpForm(2526, { clearPassword: true }));
    expect(await smtpSettingsView()).toMatchObject({ hasPassword: false });
  });

  it("retries while the SMTP server is down and delivers once it is up, never twice", async () => {
    const probe = await startSmtp();
    const port = probe.port;
    await probe.close(); // nothing listens on this port now
    await saveSmtpSettings(smtpForm(port));
    await queueEmail("down@example.com", "【学习提醒】服务器恢复后送达");
    const t0 = Date.now();

    expect(await sendDue({ now: () => new Date(t0) })).toEqual({ sent: 0, retried: 1, failed: 0 });
    const waiting = await db.outboundMessage.findFirstOrThrow();
    expect(waiting).toMatchObject({ status: "pending", attempts: 1 });
    expect(waiting.lastError).toMatch(/ECONNREFUSED|connect/i);
    expect(waiting.nextAttemptAt.getTime()).toBe(t0 + MINUTE);
    // Not due again before its minute is up.
    expect(await sendDue({ now: () => new Date(t0 + 30_000) })).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(await sendDue({ now: () => new Date(t0 + MINUTE) })).toEqual({ sent: 0, retried: 1, failed: 0 });
    expect((await db.outboundMessage.findFirstOrThrow()).nextAttemptAt.getTime()).toBe(t0 + 3 * MINUTE); // then 2 min

    const smtp = await startSmtp(port);
    try {
      expect(await sendDue({ now: () => new Date(t0 + 3 * MINUTE) })).toEqual({ sent: 1, retried: 0, failed: 0 });
      expect(await sendDue({ now: () => new Date(t0 + 60 * MINUTE) })).toEqual({ sent: 0, retried: 0, failed: 0 });
      expect(smtp.mails.map((m) => m.subject)).toEqual(["【学习提醒】服务器恢复后送达"]);
      expect(await db.outboundMessage.findFirstOrThrow()).toMatchObject({ status: "sent", attempts: 3, lastError: null });
    } finally {
      await smtp.close();
    }
  });

  it("lets two senders at once send each message exactly once", async () => {
    const smtp = await startSmtp();
    try {
      await saveSmtpSettings(smtpForm(smtp.port));
      for (let i = 0; i < 12; i++) await queueEmail(`many${i}@example.com`);
      const rounds = await Promise.all([sendDue(), sendDue(), sendDue()]);
      expect(rounds.reduce((sum, r) => sum + r.sent, 0)).toBe(12);
      expect(smtp.mails.map((m) => m.to[0]).sort()).toEqual(Array.from({ length: 12 }, (_, i) => `many${i}@example.com`).sort());
    } finally {
      await smtp.close();
    }
  });

  it("writes the email to the server log when no SMTP server is set, and marks it sent", async () => {
    await db.setting.deleteMany({ where: { key: "smtp" } });
    await queueEmail("nobody@example.com", "【学习提醒】写入日志");
    const logged: string[] = [];
    const original = console.log;
    console.log = (...args: unknown[]) => void logged.push(args.join(" "));
    try {
      expect(await sendDue()).toEqual({ sent: 1, retried: 0, failed: 0 });
    } finally {
      console.log = original;
    }
    expect(logged.join("\n")).toContain("nobody@example.com");
    expect(logged.join("\n")).toContain("【学习提醒】写入日志");
  });

  it("posts a department's message in the 企业微信, 钉钉 and 飞书 formats", async () => {
    const ids = { wecom: await department("wecom"), dingtalk: await department("dingtalk"), feishu: await department("feishu") };
    for (const [kind, id] of Object.entries(ids)) await db.$transaction((tx) => enqueueWebhook(tx, { dedupeKey: `robot:${kind}`, departmentId: id, text: `【学习提醒】${kind}` }));
    robot.answer((request) => ({ status: 200, body: request.path.startsWith("/feishu") ? { code: 0, msg: "success" } : { errcode: 0, errmsg: "ok" } }));

    expect(await sendDue()).toEqual({ sent: 3, retried: 0, failed: 0 });
    const byPath = Object.fromEntries(robot.requests.map((r) => [r.path, r.body]));
    expect(byPath[`/wecom/${ids.wecom}`]).toEqual({ msgtype: "text", text: { content: "【学习提醒】wecom" } });
    expect(byPath[`/dingtalk/${ids.dingtalk}`]).toEqual({ msgtype: "text", text: { content: "【学习提醒】dingtalk" } });
    expect(byPath[`/feishu/${ids.feishu}`]).toEqual({ msg_type: "text", content: { text: "【学习提醒】feishu" } });
  });

  it("retries a robot that answers errcode ≠ 0 or a 5xx, and gives up after the last attempt", async () => {
    const id = await department("dingtalk");
    await db.$transaction((tx) => enqueueWebhook(tx, { dedupeKey: "robot:flaky", departmentId: id, text: "【学习提醒】重试" }));
    const t0 = Date.now();
    robot.answer(() => ({ status: 200, body: { errcode: 130101, errmsg: "send too fast" } }));
    expect(await sendDue({ now: () => new Date(t0) })).toEqual({ sent: 0, retried: 1, failed: 0 });
    expect((await db.outboundMessage.findFirstOrThrow()).lastError).toBe("errcode 130101：send too fast");
    robot.answer(() => ({ status: 503, body: { error: "busy" } }));
    expect(await sendDue({ now: () => new Date(t0 + MINUTE) })).toEqual({ sent: 0, retried: 1, failed: 0 });
    robot.answer(() => ({ status: 200, body: { errcode: 0, errmsg: "ok" } }));
    expect(await sendDue({ now: () => new Date(t0 + 3 * MINUTE) })).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(robot.requests).toHaveLength(3);

    // A robot that never accepts: given up after MAX_ATTEMPTS, then put back by 重新发送.
    await db.$transaction((tx) => enqueueWebhook(tx, { dedupeKey: "robot:dead", departmentId: id, text: "【学习提醒】放弃" }));
    robot.answer(() => ({ status: 200, body: { errcode: 310000, errmsg: "keywords not in content" } }));
    for (let i = 0; i < MAX_ATTEMPTS; i++) await sendDue({ now: () => new Date(t0 + 1000 * MINUTE * (i + 1)) });
    const dead = await db.outboundMessage.findUniqueOrThrow({ where: { dedupeKey: "robot:dead" } });
    expect(dead).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS, lastError: "errcode 310000：keywords not in content" });
    expect(await outboxStatus()).toMatchObject({ pending: 0, failed: 1 });
    expect((await outboxStatus()).recentErrors.map((e) => e.lastError)).toContain("errcode 310000：keywords not in content");

    expect(await retryFailed()).toBe(1);
    robot.answer(() => ({ status: 200, body: { errcode: 0, errmsg: "ok" } }));
    expect(await sendDue()).toEqual({ sent: 1, retried: 0, failed: 0 });
  });
});
