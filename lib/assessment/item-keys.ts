// The names of an attempt's items, in one place. Answers and grades use "p1:<questionId>",
// "p2:<questionOrCriterionId>", "p3:<sectionIndex>" / "p3:<criterionId>"; stored item responses
// (analytics, lib/analytics/responses.ts) use "p1/<questionId>" so they share a format with quizzes.

export const ITEM_KEY = /^(p1|p2):[a-z0-9-]{1,80}$|^p3:[0-4]$/;

export const part1Key = (questionId: string) => `p1:${questionId}`;
export const part2Key = (id: string) => `p2:${id}`;
export const part3Key = (id: string | number) => `p3:${id}`;

/** The bank and item key of a part-1 question in stored item responses. */
export const PART1_BANK = "p1";
export const part1ItemKey = (questionId: string) => `${PART1_BANK}/${questionId}`;
