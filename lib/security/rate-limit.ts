import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";

/**
 * The window of every per-client limit in the rateLimit table: better-auth's rules (lib/auth/auth.ts)
 * and certificate lookups (lib/certificates/queries.ts). A row older than this counts for nothing:
 * the next request from its client starts a new window either way.
 */
export const RATE_LIMIT_WINDOW_SECONDS = 60;

let lastPrune = Number.NEGATIVE_INFINITY;

/**
 * Deletes rows whose window has passed, at most once a minute per process, so that clients seen
 * once (or a botnet's addresses) do not pile up. better-auth also prunes on its own when one of its
 * keys starts a new window. Safe with several instances: deleting an expired row twice, or while
 * a request re-creates it, loses no count.
 */
export async function pruneExpiredRateLimits(now = Date.now()): Promise<number> {
  if (now - lastPrune < RATE_LIMIT_WINDOW_SECONDS * 1000) return 0;
  lastPrune = now;
  const { count } = await db.rateLimit.deleteMany({ where: { lastRequest: { lt: BigInt(now - RATE_LIMIT_WINDOW_SECONDS * 1000) } } });
  return count;
}

/**
 * Counts one request under `key` (e.g. `verify:<address>`) in the shared rateLimit table, so the
 * limit holds across instances; false once `max` requests were counted in the current window.
 */
export async function allowRequest(key: string, max: number, now = Date.now()): Promise<boolean> {
  await pruneExpiredRateLimits(now);
  return db.$transaction(async (tx) => {
    const row = await tx.rateLimit.findUnique({ where: { key } });
    if (!row || now - Number(row.lastRequest) > RATE_LIMIT_WINDOW_SECONDS * 1000) {
      await tx.rateLimit.upsert({ where: { key }, create: { id: randomUUID(), key, count: 1, lastRequest: BigInt(now) }, update: { count: 1, lastRequest: BigInt(now) } });
      return true;
    }
    if (row.count >= max) return false;
    await tx.rateLimit.update({ where: { key }, data: { count: { increment: 1 } } });
    return true;
  });
}
