import "server-only";
import { db } from "@/lib/db";

/** Sessions of a user that have not expired: the devices and browsers they are signed in on. */
export async function activeSessionCount(userId: string): Promise<number> {
  return db.session.count({ where: { userId, expiresAt: { gt: new Date() } } });
}

/**
 * Signs a user out everywhere: deletes all their sessions. Staff checks read the database and see
 * it at once; a learner's session-cache cookie lapses within its bound (decision 010).
 * Null when there is no such user.
 */
export async function endUserSessions(userId: string): Promise<number | null> {
  return db.$transaction(async (tx) => {
    if (!(await tx.user.findUnique({ where: { id: userId }, select: { id: true } }))) return null;
    return (await tx.session.deleteMany({ where: { userId } })).count;
  });
}
