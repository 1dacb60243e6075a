import { z } from "@/lib/zod";

import { ITEM_KEY } from "@/lib/assessment/item-keys";
import { OPTION_TOKEN } from "@/lib/quiz/option-tokens-format";

const attemptId = z.string().min(1).max(40).regex(/^[a-z0-9]+$/i, "考核编号无效");

/** Longest text answer of one item, in characters. */
export const TEXT_MAX_LENGTH = 20_000;

// Choices are named by the attempt's option tokens (lib/quiz/option-tokens.ts), texts are strings.
export const answerValueSchema = z.union([
  z.array(z.string().regex(OPTION_TOKEN, "选项无效")).max(8),
  z.string().max(TEXT_MAX_LENGTH, `单项作答不能超过 ${TEXT_MAX_LENGTH} 字`),
]);
export type AnswerValue = z.infer<typeof answerValueSchema>;

/** The answers of one autosave; its attempt is named by the URL (`/api/assessment/attempts/<id>/answers`). */
export const saveAnswersSchema = z
  .object({
    answers: z
      .array(z.object({ itemKey: z.string().regex(ITEM_KEY, "题目编号无效"), value: answerValueSchema }).strict())
      .max(200), // may be empty when the save carries only the integrity log
  })
  .strict();

export const attemptIdSchema = z.object({ attemptId }).strict();

export type ActionResult<T = object> = ({ ok: true } & T) | { ok: false; message: string };

export type AttemptStatus = "in_progress" | "submitted" | "graded" | "released";
import type { Outcome } from "@/lib/assessment/scoring";
export type { Outcome };

export const OUTCOME_LABELS: Record<Outcome, string> = { failed: "未通过", passed: "通过", certified: "通过并获证" };

/** What a learner sees: grades are held (待批阅) until a trainer releases them. */
export function learnerStatusLabel(status: AttemptStatus, outcome: Outcome | null): string {
  if (status === "in_progress") return "进行中";
  if (status === "released" && outcome) return OUTCOME_LABELS[outcome];
  return "待批阅";
}

/** What graders see. */
export const GRADER_STATUS_LABELS: Record<AttemptStatus, string> = {
  in_progress: "作答中",
  submitted: "待批阅",
  graded: "已批阅，待发布",
  released: "已发布",
};
