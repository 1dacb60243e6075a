import "server-only";
import { quizResponses } from "@/lib/item-responses/rows";
import { db } from "@/lib/db";
import { recordActivity } from "@/lib/progress/activity";
import { calibration, type CalibrationLevel } from "@/lib/quiz/confidence";
import type { QuizReviewItem } from "@/lib/quiz/schema";
import { addMissedQuizQuestions } from "@/lib/review/queries";
import { publicOrigin } from "@/lib/certificates/origin";
import { queueStatements } from "@/lib/xapi/enqueue";
import { quizCompleted } from "@/lib/xapi/statements";

export type QuizAttemptView = {
  id: string;
  moduleSlug: string;
  correct: number;
  total: number;
  score: number;
  submittedAt: Date;
  review: QuizReviewItem[];
  /** 信心得分 points of a confidence-marked quiz; null otherwise. */
  confidencePoints: number | null;
};

/**
 * Stores a graded attempt, its item responses (for item analysis) and the learner's activity in
 * one transaction: none of them can exist without the others.
 */
export async function saveQuizAttempt(
  userId: string,
  data: {
    moduleSlug: string;
    sittingId: string;
    correct: number;
    total: number;
    score: number;
    review: QuizReviewItem[];
    confidencePoints?: number | null;
  },
): Promise<string> {
  const submittedAt = new Date();
  try {
    return await db.$transaction(async (tx) => {
      // A write to the learner's row first: two submissions at once queue on it (and on SQLite's
      // write lock) before the count below decides which of them is the first attempt.
      await recordActivity(tx, userId, submittedAt);
      const earlier = await tx.quizAttempt.count({ where: { userId, moduleSlug: data.moduleSlug } });
      const row = await tx.quizAttempt.create({ data: { userId, ...data, review: JSON.stringify(data.review), submittedAt } });
      const responses = quizResponses(data.moduleSlug, data.score, data.review, earlier === 0);
      await tx.itemResponse.createMany({ data: responses.map((r) => ({ ...r, quizAttemptId: row.id, userId })) });
      await addMissedQuizQuestions(tx, userId, data.moduleSlug, data.review, submittedAt); // 错题本 (decision 038)
      await queueStatements(tx, userId, [quizCompleted(publicOrigin(), data, submittedAt)], submittedAt);
      return row.id;
    });
  } catch (error) {
    // The same sitting submitted again (a double click, a resent request): the unique sittingId
    // let one through; answer with its attempt.
    const winner = await db.quizAttempt.findUnique({ where: { sittingId: data.sittingId }, select: { id: true, userId: true } });
    if (winner?.userId === userId) return winner.id;
    throw error;
  }
}

/** A learner's own attempt only: another learner's id finds nothing. */
export async function getQuizAttempt(userId: string, attemptId: string): Promise<QuizAttemptView | null> {
  const row = await db.quizAttempt.findFirst({ where: { id: attemptId, userId } });
  return row ? { ...row, review: JSON.parse(row.review) as QuizReviewItem[] } : null;
}

export type QuizSummary = { attempts: number; best: number; latest: number; latestId: string };

/** Best and latest score per module for one learner. */
export async function getQuizSummaries(userId: string): Promise<Map<string, QuizSummary>> {
  const rows = await db.quizAttempt.findMany({
    where: { userId },
    orderBy: { submittedAt: "asc" },
    select: { id: true, moduleSlug: true, score: true },
  });
  const summaries = new Map<string, QuizSummary>();
  for (const row of rows) {
    const prev = summaries.get(row.moduleSlug);
    summaries.set(row.moduleSlug, {
      attempts: (prev?.attempts ?? 0) + 1,
      best: Math.max(prev?.best ?? 0, row.score),
      latest: row.score,
      latestId: row.id,
    });
  }
  return summaries;
}

/**
 * Accuracy per confidence level over every answer the learner gave in confidence-marked module
 * quizzes (retakes included): counted from the stored item responses of those attempts.
 */
export async function getCalibration(userId: string): Promise<CalibrationLevel[]> {
  const groups = await db.itemResponse.groupBy({
    by: ["confidence", "correct"],
    where: { quizAttempt: { userId, confidencePoints: { not: null } }, confidence: { not: null } },
    _count: { _all: true },
  });
  return calibration(groups.map((g) => ({ confidence: g.confidence, correct: g.correct, count: g._count._all })));
}
