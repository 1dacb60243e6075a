import "server-only";
import { db } from "@/lib/db";

export type OwnSession = { id: string; userAgent: string | null; ipAddress: string | null; createdAt: Date; updatedAt: Date };

/** The user's sessions that have not expired, the latest sign-in first (the account page's list). */
export async function ownSessions(userId: string, now = new Date()): Promise<OwnSession[]> {
  return db.session.findMany({
    where: { userId, expiresAt: { gt: now } },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    select: { id: true, userAgent: true, ipAddress: true, createdAt: true, updatedAt: true },
  });
}

/** Ends one of the user's own sessions; false when it is not theirs or already ended. */
export async function endOwnSession(userId: string, sessionId: string): Promise<boolean> {
  return (await db.session.deleteMany({ where: { id: sessionId, userId } })).count === 1;
}

/** Ends every session of the user but this one; how many ended. */
export async function endOtherSessions(userId: string, keepSessionId: string): Promise<number> {
  return (await db.session.deleteMany({ where: { userId, id: { not: keepSessionId } } })).count;
}

export type DeactivationResult = { ok: true; endedSessions: number } | { ok: false; reason: "no-user" };

/**
 * Deactivates (with every session ended in the same transaction) or reactivates a user. Their
 * records stay; the session hook and the session reads refuse them while deactivatedAt is set.
 * Deactivating twice keeps the first date.
 */
export async function setDeactivated(userId: string, deactivate: boolean, now = new Date()): Promise<DeactivationResult> {
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { deactivatedAt: true } });
    if (!user) return { ok: false, reason: "no-user" } as const;
    if (!deactivate) {
      if (user.deactivatedAt) await tx.user.update({ where: { id: userId }, data: { deactivatedAt: null } });
      return { ok: true, endedSessions: 0 } as const;
    }
    if (!user.deactivatedAt) await tx.user.update({ where: { id: userId }, data: { deactivatedAt: now } });
    const { count } = await tx.session.deleteMany({ where: { userId } });
    return { ok: true, endedSessions: count } as const;
  });
}

/** When the user was deactivated, or null while active (the admin learner page). */
export async function deactivatedAt(userId: string): Promise<Date | null> {
  return (await db.user.findUnique({ where: { id: userId }, select: { deactivatedAt: true } }))?.deactivatedAt ?? null;
}
