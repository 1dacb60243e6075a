import "server-only";
import { db } from "@/lib/db";
import { eventsToStore, type IntegrityEvent, type IntegrityEventType, type IntegrityLogEntry } from "@/lib/assessment/integrity";

export type RecordedIntegrity = { stored: number; dropped: number } | { stored: 0; dropped: 0; refused: true };

/**
 * Stores a batch for the learner's own open attempt. Events already stored (same client id: a
 * batch resent after a lost response) are skipped; beyond the per-attempt cap the rest is dropped.
 */
export async function recordIntegrityEvents(userId: string, attemptId: string, events: readonly IntegrityEvent[], receivedAt = new Date()): Promise<RecordedIntegrity> {
  if (events.length === 0) return { stored: 0, dropped: 0 };
  const attempt = await db.assessmentAttempt.findFirst({ where: { id: attemptId, userId, status: "in_progress" }, select: { id: true } });
  if (!attempt) return { stored: 0, dropped: 0, refused: true };

  try {
    return await insertNew(attemptId, events, receivedAt);
  } catch (error) {
    // Two saves of one batch raced past the lookup: the unique index stopped the second; once more
    // sees what the first stored.
    if (!isUniqueViolation(error)) throw error;
    return insertNew(attemptId, events, receivedAt);
  }
}

async function insertNew(attemptId: string, events: readonly IntegrityEvent[], receivedAt: Date) {
  return db.$transaction(async (tx) => {
    const [known, total] = await Promise.all([
      tx.attemptIntegrityEvent.findMany({ where: { attemptId, clientId: { in: events.map((e) => e.id) } }, select: { clientId: true } }),
      tx.attemptIntegrityEvent.count({ where: { attemptId } }),
    ]);
    const { keep: kept, dropped } = eventsToStore(events, new Set(known.map((k) => k.clientId)), total);
    if (kept.length) {
      await tx.attemptIntegrityEvent.createMany({
        data: kept.map((e) => ({
          attemptId,
          clientId: e.id,
          type: e.type,
          itemKey: e.itemKey ?? null,
          detail: e.detail ?? null,
          at: new Date(e.at),
          receivedAt,
        })),
      });
    }
    return { stored: kept.length, dropped };
  });
}

const isUniqueViolation = (error: unknown) => typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";

/** Staff reads: every attempt's log, oldest first. Callers check the role. */
export async function integrityLogs(attemptIds: readonly string[]): Promise<Map<string, IntegrityLogEntry[]>> {
  const logs = new Map<string, IntegrityLogEntry[]>(attemptIds.map((id) => [id, []]));
  if (attemptIds.length === 0) return logs;
  const rows = await db.attemptIntegrityEvent.findMany({
    where: { attemptId: { in: [...attemptIds] } },
    orderBy: [{ at: "asc" }, { id: "asc" }],
    select: { attemptId: true, type: true, itemKey: true, detail: true, at: true },
  });
  for (const { attemptId, type, ...rest } of rows) logs.get(attemptId)?.push({ ...rest, type: type as IntegrityEventType });
  return logs;
}

export async function integrityLog(attemptId: string): Promise<IntegrityLogEntry[]> {
  return (await integrityLogs([attemptId])).get(attemptId) ?? [];
}
