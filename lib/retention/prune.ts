import "server-only";
import { db } from "@/lib/db";
import { beijingDay } from "@/lib/assignments/status";
import { RETENTION_DAYS } from "@/lib/retention/rules";

// Retention (decision 044): what only mattered while it was being delivered or shown goes after
// RETENTION_DAYS: notices of past days, sent mail and webhook messages, statements the LRS has
// stored. Failed and waiting rows are never pruned (an admin still has to see them), nor is
// anything a learner's record rests on (progress, attempts, grades, certificates, review logs).

const DAY_MS = 24 * 60 * 60 * 1000;
// Below SQLite's bound-parameter limit for the IN list.
const SLICE = 500;

export type Pruned = { notices: number; messages: number; statements: number };

/** Deletes in slices of ids so that no statement holds SQLite's write lock for long. */
async function inSlices<K>(find: () => Promise<K[]>, remove: (ids: K[]) => Promise<{ count: number }>): Promise<number> {
  let total = 0;
  for (;;) {
    const ids = await find();
    if (!ids.length) return total;
    total += (await remove(ids)).count;
    if (ids.length < SLICE) return total;
  }
}

export async function pruneExpired(now = new Date()): Promise<Pruned> {
  const cutoff = new Date(now.getTime() - RETENTION_DAYS * DAY_MS);
  const notices = await inSlices(
    async () => (await db.notice.findMany({ where: { day: { lt: beijingDay(cutoff) } }, select: { id: true }, take: SLICE })).map((r) => r.id),
    (ids: string[]) => db.notice.deleteMany({ where: { id: { in: ids } } }),
  );
  const messages = await inSlices(
    async () => (await db.outboundMessage.findMany({ where: { status: "sent", sentAt: { lt: cutoff } }, select: { id: true }, take: SLICE })).map((r) => r.id),
    (ids: string[]) => db.outboundMessage.deleteMany({ where: { id: { in: ids } } }),
  );
  const statements = await inSlices(
    async () => (await db.xapiStatement.findMany({ where: { status: "sent", sentAt: { lt: cutoff } }, select: { seq: true }, orderBy: { seq: "asc" }, take: SLICE })).map((r) => r.seq),
    (ids: number[]) => db.xapiStatement.deleteMany({ where: { seq: { in: ids } } }),
  );
  return { notices, messages, statements };
}
