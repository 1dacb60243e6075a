import { db } from "@/lib/db";
import { recordActivity } from "@/lib/progress/activity";

// Every query is scoped to one userId, taken from the session by the caller, never from input.

export async function getCompletedLessonKeys(userId: string): Promise<Set<string>> {
  const rows = await db.lessonProgress.findMany({ where: { userId }, select: { lessonKey: true } });
  return new Set(rows.map((row) => row.lessonKey));
}

export async function getLastActivity(userId: string): Promise<Date | null> {
  const row = await db.lessonProgress.findFirst({
    where: { userId },
    orderBy: { completedAt: "desc" },
    select: { completedAt: true },
  });
  return row?.completedAt ?? null;
}

/** Idempotent: completing a lesson twice keeps the first completion time (and last activity). */
export async function markLessonComplete(userId: string, lessonKey: string, moduleSlug: string) {
  const completedAt = new Date();
  await db.$transaction([
    db.lessonProgress.upsert({
      where: { userId_lessonKey: { userId, lessonKey } },
      create: { userId, lessonKey, moduleSlug, completedAt },
      update: {},
    }),
    // Only a new completion is activity: the row carries this call's time only if this call made it.
    recordActivity(db, userId, completedAt, { lessonProgress: { some: { lessonKey, completedAt } } }),
  ]);
}
