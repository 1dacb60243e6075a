import "server-only";
import type { Transporter } from "nodemailer";
import { db } from "@/lib/db";
import { WEBHOOK_KINDS, type WebhookKind } from "@/lib/departments/rules";
import { logMail, sendMail, smtpTransport } from "@/lib/outbox/mail";
import { LEASE_MS, MAX_ATTEMPTS, retryDelayMs, WEBHOOK_TIMEOUT_MS, webhookError, webhookPayload } from "@/lib/outbox/rules";
import { smtpSettings } from "@/lib/settings/queries";
import type { SmtpSettings } from "@/lib/settings/schema";

// The sender: claims due messages, sends them, records the outcome. Any number of senders
// (cluster workers, app instances) may run at once: a message is claimed by one conditional
// UPDATE that counts the attempt and moves nextAttemptAt a lease ahead, so only one sender wins
// it, and a sender that dies mid-send leaves it to be retried once the lease ends.

const BATCH = 50;

type Claimed = { id: string; channel: string; recipient: string; subject: string | null; body: string; attempts: number };
export type SendRound = { sent: number; retried: number; failed: number };

/** Claims up to `limit` due messages for this sender; each comes with its attempt counted. */
export async function claimDue(now: Date, limit = BATCH): Promise<Claimed[]> {
  const due = await db.outboundMessage.findMany({
    where: { status: "pending", nextAttemptAt: { lte: now } },
    orderBy: [{ nextAttemptAt: "asc" }, { id: "asc" }],
    take: limit,
    select: { id: true, channel: true, recipient: true, subject: true, body: true, attempts: true },
  });
  const claimed: Claimed[] = [];
  for (const message of due) {
    const won = await db.outboundMessage.updateMany({
      where: { id: message.id, status: "pending", attempts: message.attempts, nextAttemptAt: { lte: now } },
      data: { attempts: { increment: 1 }, nextAttemptAt: new Date(now.getTime() + LEASE_MS) },
    });
    if (won.count === 1) claimed.push({ ...message, attempts: message.attempts + 1 });
  }
  return claimed;
}

/**
 * Sends every message due at `now`, in rounds of 50 until none is left or `budgetMs` is spent
 * (the sweep calls this once a minute). SMTP settings are read once per call.
 */
export async function sendDue(options: { now?: () => Date; budgetMs?: number } = {}): Promise<SendRound> {
  const clock = options.now ?? (() => new Date());
  const started = Date.now();
  const budget = options.budgetMs ?? 45_000;
  const totals: SendRound = { sent: 0, retried: 0, failed: 0 };
  const settings = await smtpSettings();
  let transport: Transporter | null = null;
  try {
    while (Date.now() - started < budget) {
      const batch = await claimDue(clock());
      if (!batch.length) break;
      for (const message of batch) {
        let error: string | null;
        try {
          if (message.channel === "email" && settings) transport ??= smtpTransport(settings);
          error = await deliver(message, settings, transport);
        } catch (thrown) {
          error = thrown instanceof Error ? thrown.message : String(thrown);
        }
        totals[await record(message, error, clock())] += 1;
      }
    }
  } finally {
    transport?.close();
  }
  return totals;
}

async function deliver(message: Claimed, settings: SmtpSettings | null, transport: Transporter | null): Promise<string | null> {
  if (message.channel === "email") {
    const mail = { to: message.recipient, subject: message.subject ?? "", text: message.body };
    if (!settings || !transport) logMail(mail);
    else await sendMail(transport, settings, mail);
    return null;
  }
  if (message.channel === "webhook") return postToRobot(message.recipient, message.body);
  return `未知的发送渠道：${message.channel}`;
}

/** Posts a text to the department's robot (its URL and kind as they are now); the error or null. */
async function postToRobot(departmentId: string, text: string): Promise<string | null> {
  const department = await db.department.findUnique({ where: { id: departmentId }, select: { webhookKind: true, webhookUrl: true } });
  const kind = department?.webhookKind as WebhookKind | null | undefined;
  if (!department?.webhookUrl || !kind || !WEBHOOK_KINDS.includes(kind)) return "该部门已不再配置群机器人。";
  const response = await fetch(department.webhookUrl, {
    method: "POST",
    headers: { "content-type": "application/json; charset=utf-8" },
    body: JSON.stringify(webhookPayload(kind, text)),
    signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
    redirect: "error",
  });
  return webhookError(response.status, await response.text());
}

async function record(message: Claimed, error: string | null, now: Date): Promise<keyof SendRound> {
  if (error === null) {
    await db.outboundMessage.update({ where: { id: message.id }, data: { status: "sent", sentAt: now, lastError: null } });
    return "sent";
  }
  const giveUp = message.attempts >= MAX_ATTEMPTS;
  await db.outboundMessage.update({
    where: { id: message.id },
    data: { status: giveUp ? "failed" : "pending", lastError: error.slice(0, 500), nextAttemptAt: new Date(now.getTime() + retryDelayMs(message.attempts)) },
  });
  if (giveUp) console.error(`消息 ${message.id} 发送 ${message.attempts} 次均失败，已放弃：${error}`);
  return giveUp ? "failed" : "retried";
}
