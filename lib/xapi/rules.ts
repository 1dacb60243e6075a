// How the xAPI sender batches and retries. Pure; lib/xapi/send.ts does the I/O.

/** Statements per POST. */
export const BATCH = 50;
/** How long one sender holds the send lease (longer than a round of timed-out requests). */
export const LEASE_MS = 2 * 60_000;
export const LRS_TIMEOUT_MS = 15_000;
/**
 * A statement is sent only once it is this old: on PostgreSQL a sequence number is taken at insert
 * and a transaction holding a smaller one may commit a moment later; waiting lets it land first.
 */
export const SETTLE_MS = 2_000;

/** Wait before the next try after `attempts` failed tries: 10 s, doubling, at most 1 h. Never given up. */
export function retryDelayMs(attempts: number): number {
  return Math.min(10_000 * 2 ** Math.max(0, attempts - 1), 60 * 60_000);
}

type Candidate = { seq: number; userId: string; nextAttemptAt: Date };

/**
 * Which queued statements go in the next batch, from the oldest queued ones in `seq` order: a
 * learner's statements in order, and none after one that waits for a retry, so an LRS never
 * receives a learner's later statement before an earlier one.
 */
export function pickBatch<T extends Candidate>(queued: T[], now: Date, limit = BATCH): T[] {
  const held = new Set<string>();
  const picked: T[] = [];
  for (const row of queued) {
    if (held.has(row.userId)) continue;
    if (row.nextAttemptAt > now) {
      held.add(row.userId);
      continue;
    }
    picked.push(row);
    if (picked.length === limit) break;
  }
  return picked;
}

/** What an answer of the LRS to a POST of a batch means. */
export function batchOutcome(status: number): "delivered" | "one-by-one" | "retry" {
  if (status >= 200 && status < 300) return "delivered";
  // 409: some id is already stored (a batch sent before whose answer was lost); 400: one bad
  // statement rejects the batch. Either way each statement is PUT on its own.
  if (status === 409 || status === 400) return "one-by-one";
  return "retry";
}

/** A PUT of one statement: 204 stored, 409 (or 204) already stored under that id: delivered either way. */
export const putDelivered = (status: number) => status === 204 || status === 200 || status === 409;
