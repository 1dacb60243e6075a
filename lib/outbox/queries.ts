import "server-only";
import { db } from "@/lib/db";

export type OutboxStatus = {
  pending: number;
  failed: number;
  recentErrors: { id: string; channel: string; recipient: string; subject: string | null; status: string; attempts: number; lastError: string; nextAttemptAt: Date }[];
};

/** What the settings page shows about the outbox: counts and the latest errors. */
// Only pending and failed rows are read (the status index); sent rows pile up and are never scanned here.
export async function outboxStatus(): Promise<OutboxStatus> {
  const [pending, failed, recentErrors] = await Promise.all([
    db.outboundMessage.count({ where: { status: "pending" } }),
    db.outboundMessage.count({ where: { status: "failed" } }),
    db.outboundMessage.findMany({
      where: { status: { in: ["pending", "failed"] }, lastError: { not: null } },
      orderBy: [{ nextAttemptAt: "desc" }, { id: "asc" }],
      take: 10,
      select: { id: true, channel: true, recipient: true, subject: true, status: true, attempts: true, lastError: true, nextAttemptAt: true },
    }),
  ]);
  return { pending, failed, recentErrors: recentErrors.map((row) => ({ ...row, lastError: row.lastError ?? "" })) };
}

/** Puts every failed message back in the queue, due now, with a fresh count of attempts. */
export async function retryFailed(now = new Date()): Promise<number> {
  const updated = await db.outboundMessage.updateMany({ where: { status: "failed" }, data: { status: "pending", attempts: 0, nextAttemptAt: now } });
  return updated.count;
}
