import type { Paper } from "@/lib/assessment/paper";
import type { ChoiceResult } from "@/lib/quiz/grade";
import { PART1_BANK, part1ItemKey } from "@/lib/assessment/item-keys";
import { isConfidence } from "@/lib/quiz/confidence";

// The write side of item analysis. One stored row per answered choice question (table item_response), built when an attempt is
// graded: by the app at submission, by the cohort seeder and by the one-time back-fill of older
// attempts. Item keys name the bank they come from, so a module quiz question and a 结业考核
// question can never be mixed up.

export const QUIZ_BANK_PREFIX = "quiz/";
export const quizBank = (moduleSlug: string) => `${QUIZ_BANK_PREFIX}${moduleSlug}`;
export const quizItemKey = (moduleSlug: string, questionId: string) => `${quizBank(moduleSlug)}/${questionId}`;
export { PART1_BANK, part1ItemKey };
/** The bank of an item key ("quiz/<module>/<id>" → "quiz/<module>", "p1/<id>" → "p1"); ids have no "/". */
export const bankOf = (itemKey: string) => itemKey.slice(0, itemKey.lastIndexOf("/"));

export type ItemResponseRow = {
  bank: string;
  itemKey: string;
  /** Content version of the question as shown (null in reviews stored before versions). */
  version: string | null;
  correct: boolean;
  /** chosenKey() of the chosen options; "" when left blank. */
  chosen: string;
  /** The attempt's score the item is discriminated by (quiz score, part-1 score). */
  total: number;
  /** The learner's first attempt of this quiz, or 结业考核 attempt number 1. */
  first: boolean;
  /** The question's place in the attempt, from 0 (each attempt has one position-0 row). */
  position: number;
  /** 1–3 in a confidence-marked quiz (lib/quiz/confidence.ts); absent otherwise. */
  confidence?: number;
};

/** Chosen option ids as stored: distinct, sorted, comma-separated (option ids are a–h). */
export function chosenKey(value: unknown): string {
  const ids = Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
  return [...new Set(ids)].sort().join(",");
}

export const chosenIds = (key: string): string[] => (key ? key.split(",") : []);

/** A graded module quiz: its review already says what was chosen and whether it was right. */
export function quizResponses(
  moduleSlug: string,
  score: number,
  review: readonly { id: string; version?: unknown; chosen?: unknown; correct?: unknown; confidence?: unknown }[],
  first: boolean,
): ItemResponseRow[] {
  return review.map((item, position) => ({
    bank: quizBank(moduleSlug),
    itemKey: quizItemKey(moduleSlug, item.id),
    version: typeof item.version === "string" ? item.version : null,
    correct: item.correct === true,
    chosen: chosenKey(item.chosen),
    total: score,
    first,
    position,
    ...(isConfidence(item.confidence) ? { confidence: item.confidence } : {}),
  }));
}

/** Part 1 of a submitted 结业考核 attempt, from gradeAtSubmission's results (in paper order). */
export function part1Responses(paper: Paper, results: readonly ChoiceResult[], part1Score: number, first: boolean): ItemResponseRow[] {
  const byId = new Map(results.map((r) => [r.id, r]));
  return paper.part1.map(({ question }, position) => ({
    bank: PART1_BANK,
    itemKey: part1ItemKey(question.id),
    version: question.version ?? null,
    correct: byId.get(question.id)?.correct === true,
    chosen: chosenKey(byId.get(question.id)?.chosen),
    total: part1Score,
    first,
    position,
  }));
}
