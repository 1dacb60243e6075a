import { answerSlots, type Paper } from "@/lib/assessment/paper";
import type { AnswerValue, AttemptStatus } from "@/lib/assessment/schema";
import { gradeAtSubmission } from "@/lib/assessment/scoring";
import type { AssessmentConfig } from "@/lib/content/question-schema";
import { optionTokens, type OptionTokens } from "@/lib/quiz/option-tokens";

// Pure rules of an attempt's lifecycle: when it is over, what a reader sees of one whose time ran
// out before anyone closed it, and how the browser names options (answer-sheet.ts checks a save).

/** Saves in flight when time runs out are still accepted for this long. */
export const SAVE_GRACE_MS = 10_000;

type Timed = { status: string; deadlineAt: Date };

/** In progress, but past its deadline and the grace period: to be closed as auto-submitted. */
export const isExpired = (attempt: Timed, now = Date.now()) =>
  attempt.status === "in_progress" && now > attempt.deadlineAt.getTime() + SAVE_GRACE_MS;

type Closable = Timed & {
  status: AttemptStatus;
  paper: Paper;
  answers: Record<string, AnswerValue>;
  submittedAt: Date | null;
  autoSubmitted: boolean;
  part1Score: number | null;
  part2AutoPoints: number | null;
};

/**
 * The attempt as it stands now. Reads never write: an expired attempt that no write path or sweep
 * has closed yet reads exactly as it will once closed.
 */
export function effectiveAttempt<T extends Closable>(attempt: T, now = Date.now()): T {
  if (!isExpired(attempt, now)) return attempt;
  const graded = gradeAtSubmission(attempt.paper, attempt.answers);
  return { ...attempt, status: "submitted", submittedAt: attempt.deadlineAt, autoSubmitted: true, part1Score: graded.part1Score, part2AutoPoints: graded.part2AutoPoints };
}

/** The stored answers as the browser knows them: option ids become this attempt's tokens. */
export function encodeAnswers(paper: Paper, tokens: OptionTokens, answers: Record<string, AnswerValue>): Record<string, AnswerValue> {
  const slots = answerSlots(paper);
  return Object.fromEntries(
    Object.entries(answers).map(([itemKey, value]) => [itemKey, Array.isArray(value) && slots.get(itemKey)?.kind === "choice" ? tokens.encode(itemKey, value) : value]),
  );
}

/** This attempt's option tokens: keyed by its seed, which never leaves the server. */
export function attemptTokens(attempt: { id: string; seed: string; paper: Paper }): OptionTokens {
  const slots = answerSlots(attempt.paper);
  return optionTokens(attempt.seed, attempt.id, (itemKey) => {
    const slot = slots.get(itemKey);
    return slot?.kind === "choice" ? slot.options : undefined;
  });
}

export type ReviewPolicy = AssessmentConfig["review"]["part1"];

/**
 * What the learner may see of part 1 after submitting (config `review.part1`): the keys and
 * explanations, or only right/wrong per question. By default keys wait until no attempt is left,
 * because a next attempt re-draws many of the same questions.
 */
export function part1Review(
  policy: ReviewPolicy,
  attempt: { status: AttemptStatus },
  attempts: { used: number; allowed: number; open: boolean },
): "keys" | "verdicts" {
  if (attempt.status === "in_progress") return "verdicts";
  if (policy === "afterSubmission") return "keys";
  if (policy === "afterRelease") return attempt.status === "released" ? "keys" : "verdicts";
  return attempts.used >= attempts.allowed && !attempts.open ? "keys" : "verdicts";
}

export type StartRefusal = "awaiting-grade" | "certified" | "no-attempts-left";

/**
 * Why a new attempt may not start now (an open one is resumed, not refused): a learner waiting
 * for a grade could otherwise spend an attempt they may not need; a certificate is the end of
 * the course; and the configured number of attempts is the ceiling.
 */
export function startRefusal(attempts: readonly { status: AttemptStatus; outcome: string | null }[], allowed: number): StartRefusal | null {
  if (attempts.some((a) => a.status === "submitted" || a.status === "graded")) return "awaiting-grade";
  if (attempts.some((a) => a.status === "released" && a.outcome === "certified")) return "certified";
  if (attempts.length >= allowed) return "no-attempts-left";
  return null;
}
