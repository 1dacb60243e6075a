import "server-only";
import { randomUUID } from "node:crypto";
import { drawPaper } from "@/lib/assessment/paper";
import {
  closeAttempt,
  findAttempt,
  findAttemptById,
  findAttempts,
  findExpiredOpenAttemptIds,
  insertAttempt,
  storeAnswers,
  type AttemptRecord,
} from "@/lib/assessment/queries";
import { attemptTokens, decodeAnswers, effectiveAttempt, isExpired, SAVE_GRACE_MS, startRefusal, type AnswerRefusal, type StartRefusal } from "@/lib/assessment/rules";
import type { AnswerValue } from "@/lib/assessment/schema";
import { gradeAtSubmission } from "@/lib/assessment/scoring";
import type { AssessmentContent } from "@/lib/content/banks";
import { part1Responses } from "@/lib/item-responses/rows";

// The lifecycle of a 结业考核 attempt: start, save, submit, close when time is up. Reads never
// write (effectiveAttempt); expired attempts are closed on write paths and by sweepExpiredAttempts.
// Results carry reasons, not sentences: the actions say them in zh-CN.

export type { AttemptRecord };

/** The learner's own attempt as it stands now (another learner's id finds nothing). */
export async function loadAttempt(userId: string, attemptId: string): Promise<AttemptRecord | null> {
  const attempt = await findAttempt(userId, attemptId);
  return attempt ? effectiveAttempt(attempt) : null;
}

export async function listAttempts(userId: string): Promise<AttemptRecord[]> {
  return (await findAttempts(userId)).map((a) => effectiveAttempt(a));
}

/**
 * Submits with what was saved. Only one caller wins (queries.closeAttempt). An attempt closed
 * because its time ran out is submitted at its deadline and is not the learner's activity.
 */
async function close(attempt: AttemptRecord & { userId: string }, auto: boolean): Promise<void> {
  const graded = gradeAtSubmission(attempt.paper, attempt.answers);
  const submittedAt = auto ? attempt.deadlineAt : new Date();
  const responses = part1Responses(attempt.paper, graded.part1Results, graded.part1Score, attempt.number === 1);
  const data = { submittedAt, autoSubmitted: auto, part1Score: graded.part1Score, part2AutoPoints: graded.part2AutoPoints };
  await closeAttempt(attempt, data, responses, auto ? null : submittedAt);
}

/** Closes one attempt if its time is up (write paths of graders and the sweep). */
export async function closeIfExpired(attemptId: string): Promise<void> {
  const attempt = await findAttemptById(attemptId);
  if (attempt && isExpired(attempt)) await close(attempt, true);
}

/**
 * Closes every expired attempt. Safe to run on several instances at once: each close is a
 * conditional update that only one of them wins.
 */
export async function sweepExpiredAttempts(now = Date.now()): Promise<number> {
  const ids = await findExpiredOpenAttemptIds(new Date(now - SAVE_GRACE_MS));
  for (const id of ids) await closeIfExpired(id);
  return ids.length;
}

export type StartResult = { ok: true; attemptId: string } | { ok: false; reason: StartRefusal | "failed"; allowed: number };

export async function startAttempt(userId: string, content: AssessmentContent): Promise<StartResult> {
  const allowed = content.config.attemptsAllowed;
  const stored = await findAttempts(userId);
  for (const attempt of stored) if (isExpired(attempt)) await close({ ...attempt, userId }, true);
  const open = stored.find((a) => a.status === "in_progress" && !isExpired(a));
  if (open) return { ok: true, attemptId: open.id };
  // As they stand now: an attempt whose time just ran out waits for its grade.
  const refusal = startRefusal(stored.map((a) => effectiveAttempt(a)), allowed);
  if (refusal) return { ok: false, reason: refusal, allowed };
  const seed = randomUUID();
  const startedAt = new Date();
  try {
    const attemptId = await insertAttempt({
      userId,
      number: stored.length + 1,
      seed,
      paper: drawPaper(content, seed),
      startedAt,
      deadlineAt: new Date(startedAt.getTime() + content.config.timeLimitMinutes * 60_000),
    });
    return { ok: true, attemptId };
  } catch {
    // Two tabs pressed 开始 at once: the unique (userId, number) let one through; resume it.
    const again = (await listAttempts(userId)).find((a) => a.status === "in_progress");
    return again ? { ok: true, attemptId: again.id } : { ok: false, reason: "failed", allowed };
  }
}

export type SaveResult = { ok: true; savedAt: string } | { ok: false; reason: "not-found" | "time-up" | "submitted" | AnswerRefusal };

/**
 * Stores answers only for this learner's open attempt, only for slots of its paper, with choices
 * named by the attempt's option tokens (as its page showed them). All or nothing.
 */
export async function saveAnswers(userId: string, attemptId: string, items: { itemKey: string; value: AnswerValue }[]): Promise<SaveResult> {
  const attempt = await findAttempt(userId, attemptId);
  if (!attempt) return { ok: false, reason: "not-found" };
  if (isExpired(attempt)) {
    await close(attempt, true);
    return { ok: false, reason: "time-up" };
  }
  if (attempt.status !== "in_progress") return { ok: false, reason: "submitted" };
  // A save that carries only the integrity log: the attempt is open, nothing to write here.
  if (items.length === 0) return { ok: true, savedAt: new Date().toISOString() };
  const decoded = decodeAnswers(attempt.paper, attemptTokens(attempt), items);
  if (!decoded.ok) return decoded;
  const savedAt = new Date();
  await storeAnswers(userId, attemptId, decoded.items, savedAt);
  return { ok: true, savedAt: savedAt.toISOString() };
}

export async function submitAttempt(userId: string, attemptId: string): Promise<{ ok: true } | { ok: false; reason: "not-found" }> {
  const attempt = await findAttempt(userId, attemptId);
  if (!attempt) return { ok: false, reason: "not-found" };
  if (attempt.status === "in_progress") await close(attempt, isExpired(attempt));
  return { ok: true };
}
