import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { endOfBeijingDay, startOfBeijingDay } from "@/lib/assignments/status";
import { auth } from "@/lib/auth/auth";
import { loadCourse } from "@/lib/content/load";
import { db } from "@/lib/db";
import { createDepartment, setDepartmentWebhook } from "@/lib/departments/queries";
import type { WebhookKind } from "@/lib/departments/rules";
import { sendDue } from "@/lib/outbox/send";
import { markLessonComplete } from "@/lib/progress/queries";
import { reminderTick, runReminders } from "@/lib/reminders/job";
import { dismissNotice, todaysNotice } from "@/lib/reminders/queries";
import { saveSmtpSettings } from "@/lib/settings/queries";
import { startRobot, startSmtp, type RobotReceiver, type SmtpReceiver } from "./support/mail-servers";

// The reminder job end to end: who gets a notice (overdue, or due within 3 days, unfinished),
// one a Beijing day however often and in however many processes it runs, the email that goes
// with it, and one group message a day per department robot (its own or the nearest above).

const run = promisify(execFile);
const course = loadCourse();
const firstModule = course.modules[0];
const DAY1 = new Date("2026-12-05T04:00:00Z"); // 12:00 in Beijing
const DAY2 = new Date("2026-12-06T04:00:00Z");
const DAY3 = new Date("2026-12-07T04:00:00Z");

let smtp: SmtpReceiver;
let robot: RobotReceiver;
beforeAll(async () => {
  [smtp, robot] = await Promise.all([startSmtp(), startRobot()]);
  await saveSmtpSettings({ host: "127.0.0.1", port: smtp.port, secure: false, user: "", password: "", clearPassword: false, from: "training@example.com" });
  robot.answer((request) => ({ status: 200, body: request.path.startsWith("/feishu") ? { code: 0, msg: "success" } : { errcode: 0, errmsg: "ok" } }));
});
afterAll(async () => {
  await Promise.all([smtp.close(), robot.close()]);
});

let n = 0;
async function person(name: string, departmentId: string | null, role = "learner") {
  const email = `remind${n++}@example.com`;
  const { user } = await auth.api.signUpEmail({ body: { name, email, password: "password123" } });
  await db.user.update({ where: { id: user.id }, data: { departmentId, role } });
  return { id: user.id, email };
}
async function dept(name: string, parentId: string | null, robotKind?: WebhookKind) {
  const created = await createDepartment(name, parentId);
  if (!created.ok) throw new Error(created.message);
  if (robotKind) await setDepartmentWebhook(created.id, { kind: robotKind, url: robot.url(`/${robotKind}/${created.id}`) });
  return created.id;
}
async function assign(title: string, target: { departmentId?: string; userId?: string }, due: string) {
  await db.assignment.create({
    data: {
      title, scope: "modules", moduleSlugs: firstModule.slug, startsAt: startOfBeijingDay("2026-11-20"), dueAt: endOfBeijingDay(due), createdById: "admin",
      targets: { create: [{ departmentId: target.departmentId ?? null, userId: target.userId ?? null }] },
    },
  });
}
const noticesOn = (day: string) => db.notice.findMany({ where: { day }, orderBy: { userId: "asc" } });
const runInProcess = async (now: Date) => {
  const tsx = path.resolve("node_modules/.bin/tsx");
  const { stdout } = await run(tsx, ["--conditions", "react-server", "tests/integration/support/run-reminders.ts", now.toISOString()], { env: process.env });
  return JSON.parse(stdout.trim().split("\n").pop()!) as { notices: number };
};

describe("reminders", () => {
  const people: Record<string, { id: string; email: string }> = {};
  const depts: Record<string, string> = {};

  it("reminds the overdue and the due-soon once a day, by notice, email and the department's robot", async () => {
    depts.root = await dept(`京东商城${randomUUID().slice(0, 4)}`, null, "wecom");
    depts.north = await dept("华北大区", depts.root);
    depts.beijing = await dept("北京一组", depts.north, "dingtalk");
    depts.east = await dept("华东大区", depts.root, "feishu");
    people.a = await person("王小北", depts.north); // overdue; robot: 京东商城 (nearest above with one)
    people.b = await person("李京", depts.beijing); // overdue; robot: 北京一组
    people.c = await person("张华东", depts.east); // overdue and due soon; robot: 华东大区
    people.d = await person("赵完成", depts.east); // finished: no reminder
    people.e = await person("钱个人", null); // due soon, assigned by name: notice and email, no robot
    people.f = await person("孙无任务", null); // nothing assigned
    people.t = await person("周讲师", depts.north, "trainer"); // staff are never assignees
    await assign("店铺基础必修", { departmentId: depts.root }, "2026-12-01");
    await assign("华东加练", { departmentId: depts.east }, "2026-12-07");
    await assign("个人任务", { userId: people.e.id }, "2026-12-08");
    await assign("北京远期任务", { departmentId: depts.beijing }, "2026-12-31");
    for (const lesson of firstModule.lessons) await markLessonComplete(people.d.id, lesson.key, lesson.moduleSlug);
    await db.quizAttempt.create({ data: { userId: people.d.id, moduleSlug: firstModule.slug, correct: 1, total: 1, score: 100, review: "[]" } });

    const first = await runReminders(DAY1);
    const again = await runReminders(DAY1);
    expect(first).toMatchObject({ reminded: 4, notices: 4, groupMessages: 3 });
    expect(again).toMatchObject({ reminded: 4, notices: 0, groupMessages: 0 });

    const notices = await noticesOn("2026-12-05");
    const byUser = new Map(notices.map((x) => [x.userId, x]));
    expect([...byUser.keys()].sort()).toEqual([people.a.id, people.b.id, people.c.id, people.e.id].sort());
    const total = firstModule.lessons.length + 1;
    expect(byUser.get(people.a.id)).toMatchObject({ kind: "overdue", message: `学习任务「店铺基础必修」已逾期 4 天（截止 2026-12-01，已完成 0/${total}），请尽快完成。` });
    expect(byUser.get(people.c.id)?.message).toMatch(/^学习任务「店铺基础必修」已逾期 4 天.*另有 1 项任务即将截止或已逾期。$/);
    expect(byUser.get(people.e.id)).toMatchObject({ kind: "due_soon", message: `学习任务「个人任务」还有 3 天截止（截止 2026-12-08，已完成 0/${total}），请尽快完成。` });

    expect(await sendDue()).toEqual({ sent: 7, retried: 0, failed: 0 });
    expect(smtp.mails).toHaveLength(4);
    const mailTo = (email: string) => smtp.mails.find((m) => m.to[0] === email)!;
    expect(mailTo(people.a.email).subject).toBe("【学习提醒】「店铺基础必修」已逾期 4 天");
    expect(mailTo(people.a.email).text).toContain("王小北，你好：");
    expect(mailTo(people.a.email).text).toContain(`- 「店铺基础必修」：已逾期 4 天，截止 2026-12-01（北京时间），已完成 0/${total}`);
    expect(mailTo(people.c.email).text).toContain("- 「华东加练」：还有 2 天截止，截止 2026-12-07（北京时间）");
    expect(mailTo(people.e.email).subject).toBe("【学习提醒】「个人任务」还有 3 天截止");

    const bodies = Object.fromEntries(robot.requests.map((r) => [r.path.split("/")[1], r.body]));
    const wecom = (bodies.wecom as { msgtype: string; text: { content: string } });
    expect(wecom.msgtype).toBe("text");
    expect(wecom.text.content).toMatch(/^【学习提醒】京东商城\S* · 2026-12-05\n已逾期 1 人，即将截止 0 人。\n已逾期：\n王小北「店铺基础必修」已逾期 4 天$/);
    expect((bodies.dingtalk as { text: { content: string } }).text.content).toContain("李京「店铺基础必修」已逾期 4 天");
    const feishu = bodies.feishu as { msg_type: string; content: { text: string } };
    expect(feishu.msg_type).toBe("text");
    expect(feishu.content.text).toContain("张华东「店铺基础必修」已逾期 4 天");
    expect(feishu.content.text).not.toContain("赵完成");
  });

  it("writes one notice per learner per day when two processes run the job at once", async () => {
    const results = await Promise.all([runInProcess(DAY2), runInProcess(DAY2)]);
    expect(results[0].notices + results[1].notices).toBe(4);
    expect(await noticesOn("2026-12-06")).toHaveLength(4);
    expect(await db.outboundMessage.count({ where: { dedupeKey: { contains: "2026-12-06" } } })).toBe(7);
    await sendDue();
    // One email per learner per day, over two days.
    const perPerson = new Map<string, number>();
    for (const mail of smtp.mails) perPerson.set(mail.to[0], (perPerson.get(mail.to[0]) ?? 0) + 1);
    expect([...perPerson.values()]).toEqual([2, 2, 2, 2]);
    expect(robot.requests).toHaveLength(6);
  });

  it("shows today's notice to its learner until they dismiss it, and to no one else", async () => {
    const notice = await todaysNotice(people.a.id, DAY2);
    expect(notice?.kind).toBe("overdue");
    expect(await todaysNotice(people.f.id, DAY2)).toBeNull();
    expect(await dismissNotice(people.b.id, notice!.id)).toBe(false);
    expect(await todaysNotice(people.a.id, DAY2)).not.toBeNull();
    expect(await dismissNotice(people.a.id, notice!.id)).toBe(true);
    expect(await todaysNotice(people.a.id, DAY2)).toBeNull();
  });

  it("runs the job from the minute tick only when the day or the people and assignments changed", async () => {
    expect(await reminderTick(DAY3)).toMatchObject({ notices: 4 });
    expect(await reminderTick(new Date(DAY3.getTime() + 60_000))).toBeNull();
    const joiner = await person("吴新人", depts.beijing);
    expect(await reminderTick(new Date(DAY3.getTime() + 120_000))).toMatchObject({ notices: 1 });
    expect((await noticesOn("2026-12-07")).map((x) => x.userId)).toContain(joiner.id);
  });
});
