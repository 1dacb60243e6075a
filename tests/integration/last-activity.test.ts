import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { loadAttempt, saveAnswers, startAttempt, submitAttempt, sweepExpiredAttempts } from "@/lib/assessment/attempts";
import { auth } from "@/lib/auth/auth";
import { loadModuleQuiz, readAssessment } from "@/lib/content/banks";
import { loadCourse } from "@/lib/content/load";
import { db } from "@/lib/db";
import { markLessonComplete } from "@/lib/progress/queries";
import { saveQuizAttempt } from "@/lib/quiz/queries";
import { gradeQuiz } from "@/lib/quiz/review";
import { backfill } from "@/scripts/backfill";

// user.lastActivityAt moves with every learner write, in the same transaction, and always ends
// where the back-fill (the dashboard's former computation over the tables) would put it.

const course = loadCourse();
const content = readAssessment().content!;
const lesson = course.modules[0].lessons[0];

let n = 0;
async function learner() {
  const { user } = await auth.api.signUpEmail({ body: { name: "学员", email: `active${n++}@example.com`, password: "password123" } });
  return user.id;
}
const lastActivity = async (id: string) => (await db.user.findUniqueOrThrow({ where: { id } })).lastActivityAt;

/** The back-fill's value for this user, computed afresh from the tables. */
async function recomputed(id: string) {
  const kept = await lastActivity(id);
  await db.user.update({ where: { id }, data: { lastActivityAt: null } });
  await backfill();
  const value = await lastActivity(id);
  await db.user.update({ where: { id }, data: { lastActivityAt: kept } });
  return value;
}

describe("last activity", () => {
  it("is empty for a new account", async () => {
    expect(await lastActivity(await learner())).toBeNull();
  });

  it("is a new lesson completion's time; completing it again is no new activity", async () => {
    const id = await learner();
    await markLessonComplete(id, lesson.key, lesson.moduleSlug);
    const row = await db.lessonProgress.findFirstOrThrow({ where: { userId: id } });
    expect(await lastActivity(id)).toEqual(row.completedAt);
    await new Promise((r) => setTimeout(r, 5));
    await markLessonComplete(id, lesson.key, lesson.moduleSlug);
    expect(await lastActivity(id)).toEqual(row.completedAt);
    expect(await recomputed(id)).toEqual(row.completedAt);
  });

  it("is a quiz submission's time", async () => {
    const id = await learner();
    const questions = loadModuleQuiz(course, lesson.moduleSlug);
    const attemptId = await saveQuizAttempt(id, { moduleSlug: lesson.moduleSlug, sittingId: randomUUID(), ...gradeQuiz(questions, {}) });
    const attempt = await db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } });
    expect(await lastActivity(id)).toEqual(attempt.submittedAt);
    expect(await recomputed(id)).toEqual(attempt.submittedAt);
  });

  it("follows the assessment: start, each save, the learner's submission", async () => {
    const id = await learner();
    const started = await startAttempt(id, content);
    if (!started.ok) throw new Error(started.reason);
    const attempt = (await loadAttempt(id, started.attemptId))!;
    expect(await lastActivity(id)).toEqual(attempt.startedAt);

    await saveAnswers(id, attempt.id, [{ itemKey: "p3:0", value: "定位" }]);
    const saved = await db.assessmentAnswer.findFirstOrThrow({ where: { attemptId: attempt.id } });
    expect(await lastActivity(id)).toEqual(saved.updatedAt);
    expect(saved.updatedAt.getTime()).toBeGreaterThanOrEqual(attempt.startedAt.getTime());
    expect(await recomputed(id)).toEqual(saved.updatedAt);

    await submitAttempt(id, attempt.id);
    const submitted = (await loadAttempt(id, attempt.id))!;
    expect(await lastActivity(id)).toEqual(submitted.submittedAt);
    expect(await recomputed(id)).toEqual(submitted.submittedAt);
  });

  it("stays at the last save when the attempt is submitted because its time ran out", async () => {
    const id = await learner();
    const started = await startAttempt(id, content);
    if (!started.ok) throw new Error(started.reason);
    await saveAnswers(id, started.attemptId, [{ itemKey: "p3:0", value: "写了一半" }]);
    const before = await lastActivity(id);
    await db.assessmentAttempt.update({ where: { id: started.attemptId }, data: { deadlineAt: new Date(Date.now() - 60_000) } });
    await sweepExpiredAttempts();
    expect(await loadAttempt(id, started.attemptId)).toMatchObject({ status: "submitted", autoSubmitted: true });
    expect(await lastActivity(id)).toEqual(before);
    expect(await recomputed(id)).toEqual(before);
  });

  it("never moves backwards", async () => {
    const id = await learner();
    const later = new Date(Date.now() + 3_600_000);
    await db.user.update({ where: { id }, data: { lastActivityAt: later } });
    await markLessonComplete(id, lesson.key, lesson.moduleSlug);
    expect(await lastActivity(id)).toEqual(later);
  });
});
