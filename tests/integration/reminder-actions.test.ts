import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { auth } from "@/lib/auth/auth";
import { db } from "@/lib/db";
import { NOT_A_FORM } from "@/lib/security/input";
import { smtpSettings } from "@/lib/settings/queries";
import { startSmtp, type SmtpReceiver } from "./support/mail-servers";

// The actions of the home page's reminder and of /admin/settings, called as the browser (and an
// attacker) would: who may call them, what they refuse, and what they change.
const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user, getVerifiedUser: async () => session.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
const { dismissNoticeAction } = await import("@/lib/reminders/actions");
const { saveSmtpAction, sendTestEmailAction } = await import("@/lib/settings/actions");
const { retryFailedAction } = await import("@/lib/outbox/actions");

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
};
const as = (id: string, role: CurrentUser["role"]) => {
  session.user = { id, name: role, email: `${id}@example.com`, role };
};

let smtp: SmtpReceiver;
beforeAll(async () => {
  smtp = await startSmtp();
});
afterAll(() => smtp.close());

describe("settings and reminder actions", () => {
  it("refuse anything but FormData with a zh-CN message", async () => {
    as("admin-1", "admin");
    for (const action of [saveSmtpAction, sendTestEmailAction, retryFailedAction, dismissNoticeAction] as ((s: null, f: unknown) => Promise<unknown>)[]) {
      for (const wrong of ["host=x", { host: "x" }, undefined, 7]) await expect(action(null, wrong)).resolves.toEqual({ ok: false, message: expect.stringContaining(NOT_A_FORM) });
    }
  });

  it("let only an admin save SMTP settings, validate them, and never answer with the password", async () => {
    const fields = { host: "127.0.0.1", port: String(smtp.port), user: "", password: "pa55word", from: "training@example.com" };
    as("trainer-1", "trainer");
    expect(await saveSmtpAction(null, form(fields))).toEqual({ ok: false, message: "只有管理员可以修改系统设置。" });
    expect(await smtpSettings()).toBeNull();

    as("admin-1", "admin");
    expect(await saveSmtpAction(null, form({ ...fields, port: "70000" }))).toEqual({ ok: false, message: "端口在 1 到 65535 之间。" });
    expect(await saveSmtpAction(null, form({ ...fields, from: "not-an-email" }))).toEqual({ ok: false, message: expect.stringContaining("发件地址不是有效的邮箱") });
    expect(await saveSmtpAction(null, form({ ...fields, host: "smtp.example.com; rm -rf" }))).toEqual({ ok: false, message: expect.stringContaining("服务器地址只能包含") });
    const saved = await saveSmtpAction(null, form(fields));
    expect(saved).toMatchObject({ ok: true });
    expect(JSON.stringify(saved)).not.toContain("pa55word");
    expect(await smtpSettings()).toEqual({ host: "127.0.0.1", port: smtp.port, secure: false, user: "", password: "pa55word", from: "training@example.com" });
  });

  it("send a test email at once through the saved server", async () => {
    as("trainer-1", "trainer");
    expect(await sendTestEmailAction(null, form({ to: "admin@example.com" }))).toMatchObject({ ok: false });
    as("admin-1", "admin");
    expect(await sendTestEmailAction(null, form({ to: "bad" }))).toEqual({ ok: false, message: "收件邮箱格式不正确。" });
    expect(await sendTestEmailAction(null, form({ to: "admin@example.com" }))).toEqual({ ok: true, message: "测试邮件已发送到 admin@example.com，请查收。" });
    expect(smtp.mails.map((m) => [m.to[0], m.subject])).toEqual([["admin@example.com", "【测试邮件】京东运营线上培训"]]);
  });

  it("let a learner dismiss only their own notice", async () => {
    const mine = await auth.api.signUpEmail({ body: { name: "学员甲", email: "notice-a@example.com", password: "password123" } });
    const theirs = await auth.api.signUpEmail({ body: { name: "学员乙", email: "notice-b@example.com", password: "password123" } });
    const notice = await db.notice.create({ data: { userId: theirs.user.id, day: "2026-12-05", kind: "overdue", message: "提醒" } });
    as(mine.user.id, "learner");
    expect(await dismissNoticeAction(null, form({ noticeId: notice.id }))).toEqual({ ok: false, message: "找不到这条提醒，请刷新页面。" });
    expect((await db.notice.findUniqueOrThrow({ where: { id: notice.id } })).readAt).toBeNull();
    as(theirs.user.id, "learner");
    expect(await dismissNoticeAction(null, form({ noticeId: notice.id }))).toEqual({ ok: true, message: "已关闭今天的提醒。" });
    expect((await db.notice.findUniqueOrThrow({ where: { id: notice.id } })).readAt).not.toBeNull();
    session.user = null;
    expect(await dismissNoticeAction(null, form({ noticeId: notice.id }))).toEqual({ ok: false, message: "登录已过期，请重新登录。" });
  });

  it("let only an admin put failed messages back in the queue", async () => {
    await db.outboundMessage.create({ data: { channel: "email", dedupeKey: "failed-1", recipient: "x@example.com", subject: "s", body: "b", status: "failed", attempts: 10, lastError: "boom" } });
    as("trainer-1", "trainer");
    expect(await retryFailedAction(null, form({}))).toEqual({ ok: false, message: "只有管理员可以重试发送。" });
    as("admin-1", "admin");
    expect(await retryFailedAction(null, form({}))).toEqual({ ok: true, message: "已将 1 条失败的消息重新排队，一分钟内重新发送。" });
    expect(await db.outboundMessage.findUniqueOrThrow({ where: { dedupeKey: "failed-1" } })).toMatchObject({ status: "pending", attempts: 0 });
  });
});
