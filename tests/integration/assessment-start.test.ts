import { beforeAll, describe, expect, it, vi } from "vitest";
import { auth } from "@/lib/auth/auth";
import { db } from "@/lib/db";
import { loadAttempt, submitAttempt } from "@/lib/assessment/attempts";
import { rubricItems } from "@/lib/assessment/scoring";
import { readAssessment, type AssessmentContent } from "@/lib/content/banks";
import { readCourse } from "@/lib/content/load";
import { releaseGrades, saveGrade } from "@/lib/grading/queries";

// 开始考核 as the browser calls it: POST /api/assessment/attempts, as the signed-in learner (the
// session is the one thing replaced). A learner whose answer sheet waits for its grade cannot
// spend another attempt, whatever the page showed them.
const current = vi.hoisted(() => ({ user: null as null | { id: string; name: string; email: string; role: string } }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => current.user, userFromHeaders: async () => current.user }));
const { postStart } = await import("./support/assessment-routes");

let content: AssessmentContent;
let trainer: string;
beforeAll(async () => {
  content = readAssessment().content!;
  trainer = (await auth.api.signUpEmail({ body: { name: "讲师", email: "start-grader@example.com", password: "password123" } })).user.id;
});

let n = 0;
async function graduate() {
  const { user } = await auth.api.signUpEmail({ body: { name: "考生", email: `start${n++}@example.com`, password: "password123" } });
  const rows = readCourse().course.modules.flatMap((mod) => mod.lessons.map((lesson) => ({ userId: user.id, lessonKey: lesson.key, moduleSlug: mod.slug })));
  await db.lessonProgress.createMany({ data: rows });
  current.user = { id: user.id, name: user.name, email: user.email, role: "learner" };
  return user.id;
}

/** Presses 开始考核: the id of the attempt it opened, or its refusal. */
async function pressStart(): Promise<{ opened: string } | { ok: false; message: string }> {
  const { status, body } = await postStart();
  if (body.ok) {
    expect(status).toBe(200);
    return { opened: body.attemptId! };
  }
  expect(status).toBeGreaterThanOrEqual(400);
  return { ok: false, message: body.message! };
}

async function gradeAndRelease(userId: string, attemptId: string, points: (max: number) => number) {
  const attempt = (await loadAttempt(userId, attemptId))!;
  const scores = Object.fromEntries(rubricItems(attempt.paper).map((i) => [i.key, { points: points(i.max), comment: "" }]));
  expect(await saveGrade(trainer, { attemptId, version: 0, intent: "finalise", comment: "", scores }, content.config)).toMatchObject({ ok: true });
  expect(await releaseGrades(trainer, { attemptId })).toBe(1);
}

describe("starting the 结业考核 from its route", () => {
  it("refuses a new attempt while the last one waits for its grade, and allows it once a failure is released", async () => {
    const me = await graduate();
    const first = await pressStart();
    if (!("opened" in first)) throw new Error(first.message);
    // Pressed again while it is open: the same attempt resumes.
    expect(await pressStart()).toEqual({ opened: first.opened });
    await submitAttempt(me, first.opened);

    const refused = await pressStart();
    expect(refused).toEqual({ ok: false, message: expect.stringContaining("等待批阅") });
    expect(await db.assessmentAttempt.count({ where: { userId: me } })).toBe(1);

    // Graded but not yet released: still waiting.
    const attempt = (await loadAttempt(me, first.opened))!;
    const scores = Object.fromEntries(rubricItems(attempt.paper).map((i) => [i.key, { points: 0, comment: "" }]));
    expect(await saveGrade(trainer, { attemptId: first.opened, version: 0, intent: "finalise", comment: "", scores }, content.config)).toMatchObject({ ok: true });
    expect(await pressStart()).toEqual({ ok: false, message: expect.stringContaining("等待批阅") });

    expect(await releaseGrades(trainer, { attemptId: first.opened })).toBe(1);
    const second = await pressStart();
    expect(second).toMatchObject({ opened: expect.any(String) });
    expect((await loadAttempt(me, (second as { opened: string }).opened))!.number).toBe(2);
  });

  it("refuses an attempt whose time ran out unnoticed as waiting for its grade", async () => {
    const me = await graduate();
    const first = await pressStart();
    if (!("opened" in first)) throw new Error(first.message);
    await db.assessmentAttempt.update({ where: { id: first.opened }, data: { deadlineAt: new Date("2000-01-01T00:00:00Z") } });
    expect(await pressStart()).toEqual({ ok: false, message: expect.stringContaining("等待批阅") });
    expect(await loadAttempt(me, first.opened)).toMatchObject({ status: "submitted", autoSubmitted: true });
  });

  it("refuses a new attempt after a certificate", async () => {
    const me = await graduate();
    const first = await pressStart();
    if (!("opened" in first)) throw new Error(first.message);
    const attempt = (await loadAttempt(me, first.opened))!;
    const answers = attempt.paper.part1.map(({ question }) => ({ attemptId: attempt.id, itemKey: `p1:${question.id}`, value: JSON.stringify(question.answer) }));
    const choices = attempt.paper.case.study.questions.flatMap((q) => (q.kind === "choice" ? [{ attemptId: attempt.id, itemKey: `p2:${q.id}`, value: JSON.stringify(q.answer) }] : []));
    await db.assessmentAnswer.createMany({ data: [...answers, ...choices] });
    await submitAttempt(me, attempt.id);
    await gradeAndRelease(me, attempt.id, (max) => max);
    expect(await loadAttempt(me, attempt.id)).toMatchObject({ outcome: "certified" });
    expect(await pressStart()).toEqual({ ok: false, message: "你已通过结业考核并获得证书，无需再考。" });
  });

  it("refuses a learner who has not finished the lessons", async () => {
    await graduate();
    await db.lessonProgress.deleteMany({ where: { userId: current.user!.id } });
    expect(await pressStart()).toEqual({ ok: false, message: expect.stringContaining("完成全部 8 个模块") });
  });
});
