import "server-only";
import { beijingDay } from "@/lib/assignments/status";
import { db } from "@/lib/db";

export type TodaysNotice = { id: string; kind: string; message: string };

/** The learner's reminder of today (Beijing), unless they dismissed it. */
export async function todaysNotice(userId: string, now = new Date()): Promise<TodaysNotice | null> {
  return db.notice.findFirst({ where: { userId, day: beijingDay(now), readAt: null }, select: { id: true, kind: true, message: true } });
}

/** Marks the user's own notice read; false when it is not theirs (or gone). */
export async function dismissNotice(userId: string, noticeId: string, now = new Date()): Promise<boolean> {
  const updated = await db.notice.updateMany({ where: { id: noticeId, userId }, data: { readAt: now } });
  return updated.count === 1;
}
