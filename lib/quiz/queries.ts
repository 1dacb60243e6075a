import { db } from "@/lib/db";
import type { QuizReviewItem } from "@/lib/quiz/schema";

export type QuizAttemptView = {
  id: string;
  moduleSlug: string;
  correct: number;
  total: number;
  score: number;
  submittedAt: Date;
  review: QuizReviewItem[];
};

export async function saveQuizAttempt(
  userId: string,
  data: { moduleSlug: string; correct: number; total: number; score: number; review: QuizReviewItem[] },
): Promise<string> {
  const row = await db.quizAttempt.create({ data: { userId, ...data, review: JSON.stringify(data.review) } });
  return row.id;
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
