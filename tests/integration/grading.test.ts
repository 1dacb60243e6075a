import { beforeAll, describe, expect, it } from "vitest";
import { saveAsShown } from "./support/answers";
import { auth } from "@/lib/auth/auth";
import { db } from "@/lib/db";
import { loadAttempt, saveAnswers, startAttempt, submitAttempt } from "@/lib/assessment/attempts";
import { readAssessment, type AssessmentContent } from "@/lib/content/banks";
import { rubricItems, type Scores } from "@/lib/assessment/scoring";
import { getGradingView, gradingQueue, releaseGrades, saveGrade } from "@/lib/grading/queries";

let content: AssessmentContent;
let trainer: string;
let n = 0;

beforeAll(async () => {
  content = readAssessment().content!;
  trainer = (await auth.api.signUpEmail({ body: { name: "讲师", email: "grader@example.com", password: "password123" } })).user.id;
});

async function submittedAttempt() {
  const { user } = await auth.api.signUpEmail({ body: { name: `学员${n}`, email: `graded${n++}@example.com`, password: "password123" } });
  const started = await startAttempt(user.id, content);
  if (!started.ok) throw new Error(started.reason);
  const attempt = (await loadAttempt(user.id, started.attemptId))!;
  await saveAsShown(user.id, attempt, attempt.paper.part1.map(({ question }) => ({ itemKey: `p1:${question.id}`, value: question.answer })));
  await saveAsShown(user.id, attempt, [{ itemKey: "p3:0", value: "<script>alert(1)</script> 定位：小户型收纳" }]);
  const choices = attempt.paper.case.study.questions.flatMap((q) => (q.kind === "choice" ? [{ itemKey: `p2:${q.id}`, value: q.answer }] : []));
  await saveAsShown(user.id, attempt, choices);
  await submitAttempt(user.id, attempt.id);
  return { userId: user.id, attempt: (await loadAttempt(user.id, attempt.id))! };
}

const fullMarks = (attempt: Awaited<ReturnType<typeof submittedAttempt>>["attempt"]): Scores =>
  Object.fromEntries(rubricItems(attempt.paper).map((i) => [i.key, { points: i.max, comment: "很好" }]));

describe("grading", () => {
  it("lists submitted attempts oldest first", async () => {
    const a = await submittedAttempt();
    const b = await submittedAttempt();
    const ids = (await gradingQueue({ kind: "all" }, "viewer")).waiting.map((w) => w.id);
    expect(ids.indexOf(a.attempt.id)).toBeLessThan(ids.indexOf(b.attempt.id));
  });

  it("refuses scores over a criterion's maximum or negative, and unknown attempts, changing nothing", async () => {
    const { attempt } = await submittedAttempt();
    const [item] = rubricItems(attempt.paper);
    const over = await saveGrade(trainer, { attemptId: attempt.id, version: 0, intent: "draft", comment: "", scores: { [item.key]: { points: item.max + 1, comment: "" } } }, content.config);
    expect(over).toMatchObject({ ok: false, errors: { [item.key]: expect.stringContaining("不能超过") } });
    const negative = await saveGrade(trainer, { attemptId: attempt.id, version: 0, intent: "draft", comment: "", scores: { [item.key]: { points: -2, comment: "" } } }, content.config);
    expect(negative.ok).toBe(false);
    expect(await saveGrade(trainer, { attemptId: "nosuchattempt", version: 0, intent: "draft", comment: "", scores: {} }, content.config)).toMatchObject({ ok: false, reason: "not-found" });
    const row = await db.assessmentAttempt.findUniqueOrThrow({ where: { id: attempt.id } });
    expect(row).toMatchObject({ gradeScores: null, gradeVersion: 0, status: "submitted" });
    expect(await db.gradeEvent.count({ where: { attemptId: attempt.id } })).toBe(0);
  });

  it("finalises with the assessment's scoring, holds the grade, then releases it", async () => {
    const { userId, attempt } = await submittedAttempt();
    const saved = await saveGrade(trainer, { attemptId: attempt.id, version: 0, intent: "finalise", comment: "继续努力", scores: fullMarks(attempt) }, content.config);
    expect(saved).toEqual({ ok: true, version: 1 });
    const graded = (await loadAttempt(userId, attempt.id))!;
    expect(graded).toMatchObject({ status: "graded", part1Score: 100, part2Score: 100, part3Score: 100, finalScore: 100, outcome: "certified" });
    expect(await releaseGrades(trainer, { attemptId: attempt.id })).toBe(1);
    expect((await loadAttempt(userId, attempt.id))!.status).toBe("released");
  });

  it("refuses a save made on a stale version (two graders), and keeps every grade in history", async () => {
    const { attempt } = await submittedAttempt();
    const scores = fullMarks(attempt);
    expect((await saveGrade(trainer, { attemptId: attempt.id, version: 0, intent: "draft", comment: "A", scores }, content.config)).ok).toBe(true);
    const second = await saveGrade(trainer, { attemptId: attempt.id, version: 0, intent: "draft", comment: "B", scores: {} }, content.config);
    expect(second).toMatchObject({ ok: false, reason: "conflict" });
    await saveGrade(trainer, { attemptId: attempt.id, version: 1, intent: "finalise", comment: "C", scores }, content.config);
    const lower = Object.fromEntries(Object.entries(scores).map(([k, v]) => [k, { ...v, points: 0 }]));
    await saveGrade(trainer, { attemptId: attempt.id, version: 2, intent: "finalise", comment: "regrade", scores: lower }, content.config);
    const view = (await getGradingView(attempt.id, { kind: "all" }))!;
    expect(view.history.map((h) => h.action)).toEqual(["finalise", "finalise", "draft"]);
    expect(view.outcome).toBe("failed");
    expect(view.gradeComment).toBe("regrade");
  });

  it("keeps learner text as stored text", async () => {
    const { attempt } = await submittedAttempt();
    expect(attempt.answers["p3:0"]).toBe("<script>alert(1)</script> 定位：小户型收纳");
  });
});
