import "server-only";
import { randomUUID } from "node:crypto";
import { answerSheet, decodeAnswers, type AnswerRefusal, type AnswerSheet } from "@/lib/assessment/answer-sheet";
import { drawPaper } from "@/lib/assessment/paper";
import {
  closeAttempt,
  findAttempt,
  findAttemptById,
  findAttempts,
  findExpiredOpenAttemptIds,
  findPaper,
  findSaveTarget,
  insertAttempt,
  storeAnswers,
  type AttemptRecord,
} from "@/lib/assessment/queries";
import { effectiveAttempt, isExpired, SAVE_GRACE_MS, startRefusal, type StartRefusal } from "@/lib/assessment/rules";
import { createSheetCache } from "@/lib/assessment/sheet-cache";
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

// Enough for every attempt open at once on exam day, several times over (a sheet is a few KB).
const sheets = createSheetCache(2_000);

/** The attempt's answer sheet: from this process's cache, else built once from its paper. */
async function sheetOf(attempt: { id: string; seed: string }): Promise<AnswerSheet | null> {
  const cached = sheets.get(attempt.id, attempt.seed);
  if (cached) return cached;
  const paper = await findPaper(attempt.id);
  if (!paper) return null;
  const sheet = answerSheet({ ...attempt, paper });
  sheets.set(sheet);
  return sheet;
}

/**
 * Stores answers only for this learner's open attempt, only for slots of its paper, with choices
 * named by the attempt's option tokens (as its page showed them). All or nothing. Checked against
 * the attempt's answer sheet (decision 025), so a save reads neither the paper nor the answers.
 */
export async function saveAnswers(userId: string, attemptId: string, items: { itemKey: string; value: AnswerValue }[]): Promise<SaveResult> {
  const target = await findSaveTarget(userId, attemptId);
  if (!target) return { ok: false, reason: "not-found" };
  if (isExpired(target)) {
    const attempt = await findAttempt(userId, attemptId);
    if (attempt) await close(attempt, true);
    return { ok: false, reason: "time-up" };
  }
  if (target.status !== "in_progress") return { ok: false, reason: "submitted" };
  // A save that carries only the integrity log: the attempt is open, nothing to write here.
  if (items.length === 0) return { ok: true, savedAt: new Date().toISOString() };
  const sheet = await sheetOf(target);
  if (!sheet) return { ok: false, reason: "not-found" };
  const decoded = decodeAnswers(sheet, items);
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
