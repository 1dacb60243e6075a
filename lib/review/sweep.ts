import "server-only";
import { listAttempts } from "@/lib/assessment/attempts";
import { part1Review } from "@/lib/assessment/rules";
import { gradeAtSubmission } from "@/lib/assessment/scoring";
import { beijingDay } from "@/lib/assignments/status";
import { loadAssessment } from "@/lib/content/banks";
import { loadCourse } from "@/lib/content/load";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { part1QuestionKey, reviewQuestion } from "@/lib/review/questions";
import { addCards, type BookEntry } from "@/lib/review/queries";
import { endOfReviewDay } from "@/lib/review/schedule";

// The review's once-a-minute work (run by lib/reminders/sweep.ts after the assignment reminders):
// part-1 misses into the book once the attempt's review opens, and the review-due notice.

const isUniqueViolation = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

/**
 * Every submitted 结业考核 attempt whose part-1 review is now open (lib/assessment/rules.ts
 * part1Review, decisions 020/022: after the last attempt, after release or at once, as configured)
 * puts its wrong part-1 questions into the learner's book, once (a ReviewImport row per attempt).
 * A read never writes, so the result page does not do this; this sweep does, within a minute.
 */
export async function importPart1Misses(now = new Date()): Promise<number> {
  const pending = await db.assessmentAttempt.findMany({
    where: { status: { in: ["submitted", "graded", "released"] }, reviewImport: null },
    select: { userId: true },
    distinct: ["userId"],
  });
  if (!pending.length) return 0;
  const { config } = loadAssessment();
  const course = loadCourse();
  let imported = 0;
  for (const { userId } of pending) {
    const attempts = await listAttempts(userId);
    const open = attempts.some((a) => a.status === "in_progress");
    for (const attempt of attempts) {
      if (attempt.status === "in_progress") continue;
      if (part1Review(config.review.part1, attempt, { used: attempts.length, allowed: config.attemptsAllowed, open }) !== "keys") continue;
      const { part1Results } = gradeAtSubmission(attempt.paper, attempt.answers);
      const entries = part1Results.flatMap((r): BookEntry[] => {
        const question = r.correct ? null : reviewQuestion(part1QuestionKey(r.id), course);
        return question ? [{ questionKey: question.key, moduleSlug: question.moduleSlug, lessonKey: question.lessonKey, origin: "part1_wrong" }] : [];
      });
      try {
        await db.$transaction(async (tx) => {
          await tx.reviewImport.create({ data: { attemptId: attempt.id, importedAt: now } });
          await addCards(tx, userId, entries, now);
        });
        imported += 1;
      } catch (error) {
        if (!isUniqueViolation(error)) throw error; // another process imported it a moment ago
      }
    }
  }
  return imported;
}

export const reviewNoticeText = (due: number) => `今天有 ${due} 道错题到了复习时间，花几分钟复习一下，记得更牢。`;

/**
 * A notice for each learner with cards due today, at most one a Beijing day: a learner who already
 * has today's notice (an assignment reminder, which runs first, or this one) gets no second one.
 */
export async function remindDueReviews(now = new Date()): Promise<number> {
  const due = await db.reviewCard.groupBy({ by: ["userId"], where: { retiredAt: null, due: { lt: endOfReviewDay(now) } }, _count: { _all: true } });
  if (!due.length) return 0;
  const day = beijingDay(now);
  const noticed = new Set((await db.notice.findMany({ where: { day, userId: { in: due.map((d) => d.userId) } }, select: { userId: true } })).map((n) => n.userId));
  let created = 0;
  for (const row of due) {
    if (noticed.has(row.userId)) continue;
    try {
      await db.notice.create({ data: { userId: row.userId, day, kind: "review_due", message: reviewNoticeText(row._count._all) } });
      created += 1;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error; // another process wrote today's notice first
    }
  }
  return created;
}

export async function reviewTick(now = new Date()): Promise<void> {
  await importPart1Misses(now);
  await remindDueReviews(now);
}
