import type { Prisma } from "@/lib/generated/prisma/client";

type Client = { user: Prisma.TransactionClient["user"] };

/**
 * Moves a user's last activity forward to `at` (never back), as part of the caller's transaction
 * around the learner write itself, so the admin dashboard can sort and filter by one indexed
 * column. `where` narrows the update (e.g. "only if this call created the lesson row").
 */
export function recordActivity(client: Client, userId: string, at: Date, where: Prisma.UserWhereInput = {}) {
  return client.user.updateMany({
    where: { ...where, id: userId, OR: [{ lastActivityAt: null }, { lastActivityAt: { lt: at } }] },
    data: { lastActivityAt: at },
  });
}
