import type { RubricItem, Scores } from "@/lib/assessment/scoring";
import { z } from "@/lib/zod";

// Blind double grading (decision 043): the rules, free of the database. Two graders score the
// attempt without seeing each other; a criterion is agreed when their points differ by at most
// the tolerance (a share of that criterion's maximum); the released points of an agreed criterion
// are the pair's mean, of a disputed one the moderator's.

export const DOUBLE_GRADING_KEY = "grading.double";

export const doubleGradingSettingsSchema = z
  .object({
    /** Percent of attempts drawn at random for double grading when grading begins (0 = none). */
    share: z.number().int().min(0).max(100),
    /** Agreement tolerance per criterion, in percent of the criterion's maximum. */
    tolerance: z.number().int().min(1).max(100),
  })
  .strict();
export type DoubleGradingSettings = z.infer<typeof doubleGradingSettingsSchema>;

export const DEFAULT_DOUBLE_GRADING: DoubleGradingSettings = { share: 0, tolerance: 20 };

export type DoubleGradingPlan = "single" | "random" | "picked";
export const isDoubleGraded = (plan: string | null): boolean => plan === "random" || plan === "picked";

export type BlindRole = "first" | "second" | "moderator";

/** The most two graders' points may differ on `item` and still agree. */
export const toleranceFor = (item: Pick<RubricItem, "max">, tolerancePercent: number): number => (item.max * tolerancePercent) / 100;

const pointsOf = (scores: Scores, key: string): number => (Object.hasOwn(scores, key) ? scores[key].points : 0);

/** The criteria on which the pair's points differ by more than the tolerance, in rubric order. */
export function disputedCriteria(items: readonly RubricItem[], first: Scores, second: Scores, tolerancePercent: number): string[] {
  // A hair of slack: 20% of 12 is 2.4000000000000004 in floating point.
  return items.filter((i) => Math.abs(pointsOf(first, i.key) - pointsOf(second, i.key)) > toleranceFor(i, tolerancePercent) + 1e-9).map((i) => i.key);
}

const joinComments = (...comments: string[]): string =>
  comments
    .map((c) => c.trim())
    .filter(Boolean)
    .join("\n\n");

/**
 * The grade the learner receives: the pair's mean on agreed criteria (their comments together),
 * the moderator's points and comment on disputed ones. Without a moderator every criterion must
 * be agreed.
 */
export function combinedScores(items: readonly RubricItem[], first: Scores, second: Scores, moderator?: Scores, disputed: readonly string[] = []): Scores {
  const combined: Scores = {};
  for (const item of items) {
    const a = Object.hasOwn(first, item.key) ? first[item.key] : { points: 0, comment: "" };
    const b = Object.hasOwn(second, item.key) ? second[item.key] : { points: 0, comment: "" };
    if (disputed.includes(item.key) && moderator && Object.hasOwn(moderator, item.key)) {
      combined[item.key] = { points: moderator[item.key].points, comment: moderator[item.key].comment };
    } else {
      combined[item.key] = { points: (a.points + b.points) / 2, comment: joinComments(a.comment, b.comment) };
    }
  }
  return combined;
}

/** The overall comment released with a double-graded attempt. */
export const combinedComment = (first: string, second: string, moderator = ""): string => joinComments(moderator, first, second);
