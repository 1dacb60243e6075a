import { describe, expect, it, vi } from "vitest";
import { itemCsvRecords } from "@/lib/analytics/item-csv";
import { itemSections } from "@/lib/analytics/items";
import { loadItemResponses } from "@/lib/analytics/queries";
import { auth } from "@/lib/auth/auth";
import { loadModuleQuiz, loadModuleQuizSettings } from "@/lib/content/banks";
import { loadCourse } from "@/lib/content/load";
import { db } from "@/lib/db";
import { quizItemKey } from "@/lib/item-responses/rows";
import type { Confidence } from "@/lib/quiz/confidence";
import { getCalibration, getQuizAttempt } from "@/lib/quiz/queries";
import { newSitting, sittingTokens } from "@/lib/quiz/sitting";

// Confidence-based marking through the learner's path: the quiz form's server action stores each
// answer's confidence with the attempt and its item responses; the result page reads the 信心得分
// and the calibration back; item analysis counts answers at 高 for the 高信心答错 flag.

const current = vi.hoisted(() => ({ user: null as null | { id: string; name: string; email: string; role: "learner" } }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => current.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
const { submitQuiz } = await import("@/lib/quiz/actions");

const course = loadCourse();
const marked = course.modules.find((m) => loadModuleQuizSettings(course, m.slug).confidenceMarking)!;
const plain = course.modules.find((m) => !loadModuleQuizSettings(course, m.slug).confidenceMarking)!;

let n = 0;
async function learner() {
  const { user } = await auth.api.signUpEmail({ body: { name: "信心学员", email: `confidence${n++}@example.com`, password: "password123" } });
  current.user = { id: user.id, name: user.name, email: user.email, role: "learner" };
  return user.id;
}

/** The hand-computed example of decision 039, question by question: right or wrong, at which confidence. */
const EXAMPLE: [boolean, Confidence][] = [
  [true, 3], [true, 3], [true, 3], [true, 3],
  [true, 2], [true, 2],
  [true, 1],
  [false, 1],
  [false, 2], [false, 2],
  [false, 3], [false, 3],
];

/** Answers of a fresh sitting of `slug`: per question the key or a wrong option, and a confidence (or none). */
function answersOf(userId: string, slug: string, pick: (i: number) => [boolean, Confidence | undefined] | null) {
  const questions = loadModuleQuiz(course, slug);
  const sitting = newSitting(userId, slug, questions);
  const tokens = sittingTokens(userId, slug, sitting.sittingId, questions);
  const answers = questions.flatMap((q, i) => {
    const choice = pick(i);
    if (!choice) return [];
    const [right, confidence] = choice;
    const ids = right ? q.answer : [q.options.find((o) => !q.answer.includes(o.id))!.id];
    return [{ questionId: q.id, choices: tokens.encode(q.id, ids), ...(confidence ? { confidence } : {}) }];
  });
  return { moduleSlug: slug, sittingId: sitting.sittingId, answers };
}

describe("a confidence-marked module quiz", () => {
  it("has 12 questions, so the hand-computed example fits it", () => {
    expect(loadModuleQuiz(course, marked.slug)).toHaveLength(EXAMPLE.length);
  });

  it("stores each answer's confidence and scores the example at 1 of 36 beside 7 of 12", async () => {
    const userId = await learner();
    const questions = loadModuleQuiz(course, marked.slug);
    const result = await submitQuiz(answersOf(userId, marked.slug, (i) => EXAMPLE[i]));
    if (!result.ok) throw new Error(result.message);

    const attempt = (await getQuizAttempt(userId, result.attemptId))!;
    expect(attempt).toMatchObject({ correct: 7, total: 12, confidencePoints: 1 });
    expect(attempt.review.map((r) => [r.correct, r.confidence])).toEqual(EXAMPLE);

    const rows = await db.itemResponse.findMany({ where: { quizAttemptId: result.attemptId }, orderBy: { position: "asc" } });
    expect(rows.map((r) => [r.itemKey, r.correct, r.confidence])).toEqual(questions.map((q, i) => [quizItemKey(marked.slug, q.id), ...EXAMPLE[i]]));

    expect(await getCalibration(userId)).toEqual([
      { confidence: 1, label: "低", answers: 2, correct: 1, accuracy: 0.5 },
      { confidence: 2, label: "中", answers: 4, correct: 2, accuracy: 0.5 },
      { confidence: 3, label: "高", answers: 6, correct: 4, accuracy: 4 / 6 },
    ]);
  });

  it("leaves a blank question without confidence, scoring 0, and counts retakes in the calibration", async () => {
    const userId = await learner();
    // All blank but the first two: right at 高 (3), wrong at 低 (0).
    const first = answersOf(userId, marked.slug, (i) => (i === 0 ? [true, 3] : i === 1 ? [false, 1] : null));
    const one = await submitQuiz(first);
    if (!one.ok) throw new Error(one.message);
    const attempt = (await getQuizAttempt(userId, one.attemptId))!;
    expect(attempt.confidencePoints).toBe(3);
    expect(attempt.review.filter((r) => r.confidence).length).toBe(2);
    const two = await submitQuiz(answersOf(userId, marked.slug, (i) => (i === 0 ? [false, 3] : null)));
    expect(two.ok).toBe(true);
    const levels = await getCalibration(userId);
    expect(levels.map((l) => [l.answers, l.correct])).toEqual([[1, 0], [0, 0], [2, 1]]);
  });

  it("refuses an answered question without a confidence, or a confidence outside 1–3, and stores nothing", async () => {
    const userId = await learner();
    const missing = answersOf(userId, marked.slug, (i) => [true, i === 3 ? undefined : 2]);
    expect(await submitQuiz(missing)).toEqual({ ok: false, message: expect.stringContaining("我有多确定") });
    const wrongLevel = answersOf(userId, marked.slug, () => [true, 2]);
    wrongLevel.answers[0] = { ...wrongLevel.answers[0], confidence: 4 as Confidence };
    expect(await submitQuiz(wrongLevel)).toEqual({ ok: false, message: expect.stringContaining("格式不正确") });
    expect(await db.quizAttempt.count({ where: { userId } })).toBe(0);
    expect(await getCalibration(userId)).toEqual(expect.arrayContaining([expect.objectContaining({ answers: 0, accuracy: null })]));
  });

  it("in a quiz without the setting, ignores a confidence sent anyway", async () => {
    const userId = await learner();
    const result = await submitQuiz(answersOf(userId, plain.slug, () => [false, 3]));
    if (!result.ok) throw new Error(result.message);
    const attempt = (await getQuizAttempt(userId, result.attemptId))!;
    expect(attempt.confidencePoints).toBeNull();
    expect(attempt.review.some((r) => "confidence" in r)).toBe(false);
    expect(await db.itemResponse.count({ where: { quizAttemptId: result.attemptId, confidence: { not: null } } })).toBe(0);
    expect((await getCalibration(userId)).every((l) => l.answers === 0)).toBe(true);
  });
});

describe("高信心答错 in item analysis", () => {
  it("flags a question answered at 高 by 5 learners, 2 of them wrong; a trainer's answers do not count", async () => {
    // Fresh learners on the last question (wrong at 高 in the example); earlier tests add their own.
    const before = await loadItemResponses("first");
    const lastId = loadModuleQuiz(course, marked.slug).at(-1)!.id;
    const key = quizItemKey(marked.slug, lastId);
    const base = before.items.stats(key);
    for (const right of [true, true, true, false, false]) {
      const userId = await learner();
      const result = await submitQuiz(answersOf(userId, marked.slug, (i) => (i === 11 ? [right, 3] : [true, 3])));
      expect(result.ok).toBe(true);
    }
    const trainerId = await learner();
    await db.user.update({ where: { id: trainerId }, data: { role: "trainer" } });
    await submitQuiz(answersOf(trainerId, marked.slug, (i) => (i === 11 ? [false, 3] : [true, 1])));

    const data = await loadItemResponses("first");
    const stats = data.items.stats(key);
    expect(stats.confident - base.confident).toBe(5);
    expect(stats.confidentWrong - base.confidentWrong).toBe(2);
    expect(stats.flags).toContain("misconception");
    // The first question, answered at 高 by the same learners and always right, is not flagged.
    const sure = data.items.stats(quizItemKey(marked.slug, loadModuleQuiz(course, marked.slug)[0].id));
    expect(sure.confident).toBeGreaterThanOrEqual(5);
    expect(sure.confidentWrong).toBe(0);
    expect(sure.flags).not.toContain("misconception");

    const records = itemCsvRecords(itemSections(course, data));
    const header = records[0];
    const row = records.find((r) => r[1] === lastId)!;
    expect(row[header.indexOf("高信心作答人数")]).toBe(stats.confident);
    expect(row[header.indexOf("高信心答错人数")]).toBe(stats.confidentWrong);
    expect(row[header.indexOf("标记")]).toContain("高信心答错");
  });
});
