import "server-only";
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";

type Tx = Prisma.TransactionClient;

export type QueuedEmail = { dedupeKey: string; to: string; subject: string; text: string };
export type QueuedWebhook = { dedupeKey: string; departmentId: string; text: string };

// Messages are queued in the caller's transaction, beside the write that caused them, so a
// message exists exactly when its cause does; the sweep sends it later (lib/outbox/send.ts).
// A second enqueue with the same dedupeKey is ignored: a retried job never sends twice.

/** Queues an email; false when one with this dedupeKey was queued before. */
export async function enqueueEmail(tx: Tx, email: QueuedEmail): Promise<boolean> {
  return queue(tx, { channel: "email", dedupeKey: email.dedupeKey, recipient: email.to, subject: email.subject, body: email.text });
}

/** Queues a group-robot message to a department's webhook (its URL and kind are read when sending). */
export async function enqueueWebhook(tx: Tx, message: QueuedWebhook): Promise<boolean> {
  return queue(tx, { channel: "webhook", dedupeKey: message.dedupeKey, recipient: message.departmentId, body: message.text });
}

// An upsert that changes nothing when the key exists; the row is ours only if it has our id.
// Prisma 6.19 runs it as a read then an insert, so two processes queuing the same key at the same
// moment make the second insert fail on the unique index (P2002), rolling back the caller's
// transaction: callers that can race (the reminder job) retry; an import's keys are its own.
async function queue(tx: Tx, data: { channel: string; dedupeKey: string; recipient: string; subject?: string; body: string }) {
  const id = randomUUID();
  const row = await tx.outboundMessage.upsert({ where: { dedupeKey: data.dedupeKey }, create: { id, ...data }, update: {}, select: { id: true } });
  return row.id === id;
}
