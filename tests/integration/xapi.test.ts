import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { startLrs, type Lrs } from "../support/lrs";
import { statementValidator } from "../support/xapi-schema";
import { submitWithChoicesRight } from "./support/answers";

// Statements from the learner's real write paths to a real (minimal) LRS on loopback: queued in
// the event's transaction, sent in order, once each, through an LRS that stops and comes back.

const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user, getVerifiedUser: async () => session.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
const { auth } = await import("@/lib/auth/auth");
const { db } = await import("@/lib/db");
const { loadCourse } = await import("@/lib/content/load");
const { readAssessment } = await import("@/lib/content/banks");
const { rubricItems } = await import("@/lib/assessment/scoring");
const { markLessonComplete } = await import("@/lib/progress/queries");
const { saveQuizAttempt } = await import("@/lib/quiz/queries");
const { saveGrade, releaseConfirmed } = await import("@/lib/grading/queries");
const { revokeCertificate } = await import("@/lib/certificates/queries");
const { createDepartment } = await import("@/lib/departments/queries");
const { lrsSettingsView, removeLrsSettings, saveLrsSettings, xapiOutboxStatus } = await import("@/lib/xapi/queries");
const { sendStatements } = await import("@/lib/xapi/send");
const { removeLrsAction, retryNowAction, saveLrsAction, testLrsAction } = await import("@/lib/xapi/actions");
const { NOT_A_FORM } = await import("@/lib/security/input");

const content = readAssessment().content!;
const course = loadCourse();
const lessons = course.modules[0].lessons;
const validate = statementValidator();
const MINUTE = 60_000;
/** The sender's clock, `ms` from now (statements wait SETTLE_MS before they are sent). */
const at = (ms: number) => () => new Date(Date.now() + ms);

let lrs: Lrs;
let trainer: CurrentUser;
let n = 0;
beforeAll(async () => {
  lrs = await startLrs();
  const { user } = await auth.api.signUpEmail({ body: { name: "王讲师", email: "xapi-trainer@example.com", password: "password123" } });
  trainer = { id: user.id, name: user.name, email: user.email, role: "trainer" };
});
afterAll(() => lrs.close());
beforeEach(async () => {
  await lrs.start();
  await db.xapiStatement.deleteMany();
  lrs.statements.length = 0;
  lrs.requests.length = 0;
  await saveLrsSettings({ endpoint: lrs.endpoint, key: lrs.key, secret: lrs.secret, actor: "email", homePage: "" });
});

async function learner(extra: { employeeId?: string; departmentId?: string } = {}) {
  const { user } = await auth.api.signUpEmail({ body: { name: `学员${n}`, email: `xapi-learner${n++}@example.com`, password: "password123" } });
  await db.user.update({ where: { id: user.id }, data: extra });
  return user;
}

const quiz = (userId: string, score: number) =>
  saveQuizAttempt(userId, { moduleSlug: course.modules[0].slug, sittingId: randomUUID(), correct: score / 10, total: 10, score, review: [] });

async function finaliseAndRelease(attemptId: string) {
  const row = await db.assessmentAttempt.findUniqueOrThrow({ where: { id: attemptId }, select: { paper: true } });
  const scores = Object.fromEntries(rubricItems(JSON.parse(row.paper)).map((item) => [item.key, { points: item.max, comment: "" }]));
  const saved = await saveGrade(trainer.id, { attemptId, version: 0, intent: "finalise", comment: "", scores }, content.config);
  if (!saved.ok) throw new Error(saved.reason);
  expect(await releaseConfirmed(trainer.id, [{ attemptId, version: saved.version }])).toEqual([attemptId]);
}

const verbs = (statements: Record<string, unknown>[]) => statements.map((s) => (s.verb as { id: string }).id.split("/").at(-1));
const queuedIds = async () => (await db.xapiStatement.findMany({ orderBy: { seq: "asc" }, select: { id: true } })).map((r) => r.id);

describe("xAPI to an LRS", () => {
  it("delivers a learner's completions and assessment statements once each, in order, after the LRS was down mid-course", async () => {
    const user = await learner();
    await markLessonComplete(user.id, lessons[0].key, lessons[0].moduleSlug, lessons[0].title);
    await markLessonComplete(user.id, lessons[0].key, lessons[0].moduleSlug, lessons[0].title); // again: no second statement
    await quiz(user.id, 80);
    expect(await sendStatements({ now: at(5_000) })).toEqual({ sent: 2, retried: 0 });
    expect(verbs(lrs.statements)).toEqual(["completed", "completed"]);

    await lrs.stop(); // mid-course
    await markLessonComplete(user.id, lessons[1].key, lessons[1].moduleSlug, lessons[1].title);
    const attempt = await submitWithChoicesRight(user.id, content);
    const down = await sendStatements({ now: at(5_000) });
    expect(down).toEqual({ sent: 0, retried: 3 });
    const status = await xapiOutboxStatus();
    expect(status).toMatchObject({ queued: 3, sent: 2, failing: 3 });
    expect(status.failures[0].lastError).toMatch(/^无法连接 LRS：/);
    expect(status.failures[0].nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
    // Later, still down: retried with backoff, nothing lost.
    expect(await sendStatements({ now: at(MINUTE) })).toEqual({ sent: 0, retried: 3 });
    await finaliseAndRelease(attempt.id); // 100 points: scored, passed, a certificate earned
    const certificate = await db.certificate.findUniqueOrThrow({ where: { attemptId: attempt.id } });
    expect(await revokeCertificate(certificate.id, "测试撤销")).toBe(true);
    expect(await sendStatements({ now: at(10 * MINUTE) })).toEqual({ sent: 0, retried: 7 });

    await lrs.start(); // back
    expect(await sendStatements({ now: at(2 * 60 * MINUTE) })).toEqual({ sent: 7, retried: 0 });
    expect(await sendStatements({ now: at(3 * 60 * MINUTE) })).toEqual({ sent: 0, retried: 0 });

    // Once each, in the order they happened.
    expect(lrs.statements.map((s) => s.id)).toEqual(await queuedIds());
    expect(verbs(lrs.statements)).toEqual(["completed", "completed", "completed", "attempted", "completed", "scored", "passed", "earned", "voided"]);
    const [, , , started, submitted, scored, passed, earned, voided] = lrs.statements as Record<string, any>[];
    expect(submitted.object.id).toBe(started.object.id);
    const registration = started.context.registration;
    for (const s of [submitted, scored, passed, earned]) expect(s.context.registration).toBe(registration);
    expect(passed.result).toMatchObject({ success: true, score: { raw: 100, scaled: 1 } });
    expect(voided.object).toEqual({ objectType: "StatementRef", id: earned.id });
    for (const s of lrs.statements) {
      expect(s.actor).toEqual({ objectType: "Agent", name: user.name, mbox: `mailto:${user.email}` });
      expect(validate(s), JSON.stringify(validate.errors)).toBe(true);
    }
    expect(new Set(lrs.requests.filter((r) => r.method).map((r) => r.version))).toEqual(new Set(["1.0.3"]));
    expect(await xapiOutboxStatus()).toMatchObject({ queued: 0, sent: 9, failing: 0, failures: [] });
  });

  it("never stores a statement twice when the LRS stored a batch but its answer was lost", async () => {
    const user = await learner();
    for (const lesson of lessons.slice(0, 2)) await markLessonComplete(user.id, lesson.key, lesson.moduleSlug);
    lrs.loseAnswers(1);
    expect(await sendStatements({ now: at(5_000) })).toEqual({ sent: 0, retried: 2 });
    expect(lrs.statements).toHaveLength(2);
    // The resend: the POST is refused (409, ids known), each statement is PUT and answered 409: delivered.
    expect(await sendStatements({ now: at(MINUTE) })).toEqual({ sent: 2, retried: 0 });
    expect(lrs.statements.map((s) => s.id)).toEqual(await queuedIds());
    expect(lrs.requests.map((r) => r.method)).toEqual(["POST", "POST", "PUT", "PUT"]);
  });

  it("holds back a learner's later statements behind a refused one, and sends other learners'", async () => {
    const [a, b] = [await learner(), await learner()];
    await markLessonComplete(a.id, lessons[0].key, lessons[0].moduleSlug);
    await markLessonComplete(b.id, lessons[0].key, lessons[0].moduleSlug);
    await markLessonComplete(a.id, lessons[1].key, lessons[1].moduleSlug);
    // A statement the LRS refuses (400): here, one whose stored body was damaged by hand.
    const first = await db.xapiStatement.findFirstOrThrow({ where: { userId: a.id }, orderBy: { seq: "asc" } });
    const damaged = { ...JSON.parse(first.body), verb: { id: "not an IRI" } };
    await db.xapiStatement.update({ where: { seq: first.seq }, data: { body: JSON.stringify(damaged) } });
    expect(await sendStatements({ now: at(5_000) })).toEqual({ sent: 1, retried: 1 });
    expect(lrs.statements.map((s) => s.id)).toEqual([(await db.xapiStatement.findFirstOrThrow({ where: { userId: b.id } })).id]);
    const status = await xapiOutboxStatus();
    expect(status).toMatchObject({ queued: 2, failing: 1 });
    expect(status.failures[0].lastError).toMatch(/^HTTP 400/);
  });

  it("names the learner by employee id when set, with the department", async () => {
    const department = await createDepartment(`北京${n}组`, null);
    if (!department.ok) throw new Error(department.message);
    await saveLrsSettings({ endpoint: lrs.endpoint, key: lrs.key, secret: "", actor: "employeeId", homePage: "https://hr.example.com" });
    const user = await learner({ employeeId: `E${n}`, departmentId: department.id });
    await markLessonComplete(user.id, lessons[0].key, lessons[0].moduleSlug);
    expect(await sendStatements({ now: at(5_000) })).toEqual({ sent: 1, retried: 0 }); // the kept secret still authenticates
    const [statement] = lrs.statements as Record<string, any>[];
    expect(statement.actor).toEqual({ objectType: "Agent", name: user.name, account: { homePage: "https://hr.example.com", name: `E${n - 1}` } });
    expect(Object.values(statement.context.extensions)).toContainEqual({ id: department.id, name: `北京${n - 1}组` });
  });

  it("sends a regrade of a released attempt, and voids the certificate it takes away", async () => {
    const user = await learner();
    const attempt = await submitWithChoicesRight(user.id, content);
    await finaliseAndRelease(attempt.id); // 100: certified
    const version = (await db.assessmentAttempt.findUniqueOrThrow({ where: { id: attempt.id } })).gradeVersion;
    const row = await db.assessmentAttempt.findUniqueOrThrow({ where: { id: attempt.id }, select: { paper: true } });
    // Part 3 at zero: a final score below the certificate mark.
    const scores = Object.fromEntries(rubricItems(JSON.parse(row.paper)).map((item) => [item.key, { points: item.part === 3 ? 0 : item.max, comment: "" }]));
    const saved = await saveGrade(trainer.id, { attemptId: attempt.id, version, intent: "finalise", comment: "", scores }, content.config);
    expect(saved.ok).toBe(true);
    expect(await sendStatements({ now: at(5_000) })).toMatchObject({ retried: 0 });
    expect(verbs(lrs.statements)).toEqual(["attempted", "completed", "scored", "passed", "earned", "scored", "failed", "voided"]);
    const [, , , , earned, regraded, , voided] = lrs.statements as Record<string, any>[];
    expect(regraded.result.score.raw).toBeLessThan(90);
    expect(voided.object.id).toBe(earned.id);
  });

  it("queues nothing while no LRS is configured", async () => {
    await removeLrsSettings();
    const user = await learner();
    await markLessonComplete(user.id, lessons[0].key, lessons[0].moduleSlug);
    await quiz(user.id, 90);
    await submitWithChoicesRight(user.id, content);
    expect(await db.xapiStatement.count()).toBe(0);
    expect(await sendStatements({ now: at(5_000) })).toEqual({ sent: 0, retried: 0 });
  });
});

describe("/admin/xapi actions", () => {
  const admin = (): CurrentUser => ({ id: trainer.id, name: "管理员", email: "admin@example.com", role: "admin" });
  const form = (fields: Record<string, string>) => {
    const data = new FormData();
    for (const [key, value] of Object.entries(fields)) data.set(key, value);
    return data;
  };

  it("are refused to anyone but an admin, changing nothing", async () => {
    session.user = { ...trainer };
    expect(await saveLrsAction(null, form({ endpoint: "https://lrs.example.com/xapi", key: "k", secret: "s", actor: "email" }))).toEqual({ ok: false, message: "只有管理员可以修改学习记录（xAPI）设置。" });
    expect(await retryNowAction(null, form({}))).toMatchObject({ ok: false });
    expect((await lrsSettingsView())?.endpoint).toBe(lrs.endpoint);
  });

  it("saves the LRS without ever showing the secret, and answers bad input in zh-CN", async () => {
    session.user = admin();
    expect(await saveLrsAction(null, form({ endpoint: "ftp://lrs", key: "k", actor: "email" }))).toMatchObject({ ok: false, message: "LRS 地址必须是 http:// 或 https:// 开头的网址，例如 https://lrs.example.com/xapi/。" });
    expect(await saveLrsAction(null, form({ endpoint: "https://lrs.example.com/xapi", key: "k", secret: "typed", actor: "employeeId" }))).toEqual({
      ok: false,
      message: "按工号标识学员时，请填写账号主页（签发工号的系统地址）。",
      values: { endpoint: "https://lrs.example.com/xapi", key: "k", actor: "employeeId", homePage: "" }, // typed, never the secret
    });
    expect(await saveLrsAction(null, "not a form" as unknown as FormData)).toMatchObject({ ok: false });
    expect(await saveLrsAction(null, form({ endpoint: "https://lrs.example.com/xapi", key: "k", secret: "top-secret", actor: "email" }))).toMatchObject({ ok: true });
    const view = await lrsSettingsView();
    expect(view).toEqual({ endpoint: "https://lrs.example.com/xapi/", key: "k", actor: "email", homePage: "", hasSecret: true });
    expect(JSON.stringify(view)).not.toContain("top-secret");
  });

  it("refuse anything but a form, in zh-CN, changing nothing; 停用 stops queuing", async () => {
    session.user = admin();
    for (const action of [saveLrsAction, removeLrsAction, retryNowAction, testLrsAction]) {
      expect(await action(null, { endpoint: "https://evil.example/" } as unknown as FormData)).toMatchObject({ ok: false, message: NOT_A_FORM });
    }
    expect((await lrsSettingsView())?.endpoint).toBe(lrs.endpoint);
    expect(await removeLrsAction(null, form({}))).toEqual({ ok: true, message: "已停用 LRS：之后的学习事件不再生成学习记录。" });
    expect(await lrsSettingsView()).toBeNull();
    const user = await learner();
    await markLessonComplete(user.id, lessons[0].key, lessons[0].moduleSlug);
    expect(await db.xapiStatement.count()).toBe(0);
  });

  it("retry now sends what waits for its backoff at once", async () => {
    session.user = admin();
    const user = await learner();
    await lrs.stop();
    await markLessonComplete(user.id, lessons[0].key, lessons[0].moduleSlug);
    expect(await sendStatements({ now: at(5_000) })).toEqual({ sent: 0, retried: 1 });
    await lrs.start();
    // Created 2 s ago at least: the sender leaves younger statements a moment to settle.
    await db.xapiStatement.updateMany({ data: { createdAt: new Date(Date.now() - 10_000) } });
    expect(await retryNowAction(null, form({}))).toEqual({ ok: true, message: "已发送 1 条学习记录。" });
    expect(lrs.statements).toHaveLength(1);
  });

  it("测试连接 reads from the saved LRS without writing to it, and says in zh-CN what is wrong", async () => {
    session.user = { ...trainer };
    expect(await testLrsAction(null, form({}))).toEqual({ ok: false, message: "只有管理员可以修改学习记录（xAPI）设置。" });
    session.user = admin();
    const saved = { endpoint: lrs.endpoint, key: lrs.key, secret: lrs.secret, actor: "email" as const, homePage: "" };
    expect(await testLrsAction(null, form({}))).toEqual({ ok: true, message: "连接成功：LRS 接受了该 Key 和 Secret（HTTP 200）。" });
    expect(lrs.requests.map((r) => `${r.method} ${r.path} ${r.version}`)).toEqual(["GET /xapi/statements?limit=1 1.0.3"]);
    expect(lrs.statements).toHaveLength(0);

    await saveLrsSettings({ ...saved, secret: "not-the-secret" });
    expect(await testLrsAction(null, form({}))).toEqual({ ok: false, message: "LRS 拒绝了该 Key 和 Secret（HTTP 401），请核对后重新保存。" });
    await saveLrsSettings({ ...saved, endpoint: lrs.endpoint.replace("/xapi/", "/lrs/") });
    expect(await testLrsAction(null, form({}))).toMatchObject({ ok: false, message: expect.stringContaining("HTTP 404") });
    await saveLrsSettings(saved);
    await lrs.stop();
    expect(await testLrsAction(null, form({}))).toMatchObject({ ok: false, message: expect.stringMatching(/^无法连接 LRS：连接被(拒绝|对方中断).*。请检查地址/) });
    await removeLrsSettings();
    expect(await testLrsAction(null, form({}))).toEqual({ ok: false, message: "请先保存 LRS 设置，再测试连接。" });
  });
});
