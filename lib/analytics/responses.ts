import type { Respondent } from "@/lib/analytics/item-stats";
import { isCorrect } from "@/lib/quiz/grade";

// Stored attempts → item-stats respondents. Item keys name the bank they come from, so a module
// quiz question and a 结业考核 question can never be mixed up.

export const quizItemKey = (moduleSlug: string, questionId: string) => `quiz/${moduleSlug}/${questionId}`;
export const part1ItemKey = (questionId: string) => `p1/${questionId}`;

const optionIds = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];

/** A module quiz attempt: its review snapshot already says what was chosen and whether it was right. */
export function quizRespondent(
  moduleSlug: string,
  score: number,
  review: readonly { id: string; chosen?: unknown; correct?: unknown }[],
): Respondent {
  return {
    total: score,
    responses: review.map((item) => ({ itemId: quizItemKey(moduleSlug, item.id), correct: item.correct === true, chosen: optionIds(item.chosen) })),
  };
}

export type Part1Key = { id: string; answer: readonly string[] };

/**
 * A submitted 结业考核 attempt: part 1 is graded again from the paper's own keys (what the learner
 * saw) with the grading rule itself; the total is the stored part-1 score.
 */
export function part1Respondent(part1Score: number, keys: readonly Part1Key[], answers: Readonly<Record<string, unknown>>): Respondent {
  return {
    total: part1Score,
    responses: keys.map((key) => {
      const chosen = optionIds(answers[key.id]);
      return { itemId: part1ItemKey(key.id), correct: isCorrect(key.answer, chosen), chosen };
    }),
  };
}

/** The earliest attempt of each learner (per group, e.g. per module), by `order`. */
export function firstAttempts<T extends { id: string; group: string; order: number }>(rows: readonly T[]): T[] {
  const first = new Map<string, T>();
  for (const row of rows) {
    const prev = first.get(row.group);
    if (!prev || row.order < prev.order) first.set(row.group, row);
  }
  return [...first.values()];
}
