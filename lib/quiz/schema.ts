import { z } from "@/lib/zod";
import type { Confidence } from "@/lib/quiz/confidence";
import { OPTION_TOKEN } from "@/lib/quiz/option-tokens-format";

const slug = z.string().regex(/^[a-z0-9-]+$/, "模块编号无效");
const optionTokens = z.array(z.string().regex(OPTION_TOKEN, "选项无效")).max(8);

/** A sitting's answers: question ids with the option tokens the sitting showed. */
export const submitQuizSchema = z
  .object({
    moduleSlug: slug,
    sittingId: z.uuid("测验编号无效"),
    answers: z
      .array(
        z
          .object({
            questionId: z.string().regex(/^[a-z0-9-]+$/, "题目编号无效").max(80),
            choices: optionTokens,
            // 1 低 / 2 中 / 3 高, in a confidence-marked quiz (lib/quiz/confidence.ts).
            confidence: z.union([z.literal(1), z.literal(2), z.literal(3)], { error: "信心程度无效" }).optional(),
          })
          .strict(),
      )
      .max(100),
  })
  .strict();
export type SubmitQuizInput = z.infer<typeof submitQuizSchema>;

export type QuizReviewItem = {
  id: string;
  version: string;
  prompt: string;
  type: "single" | "multiple";
  options: { id: string; text: string }[];
  answer: string[];
  chosen: string[];
  correct: boolean;
  explanation: string;
  lesson: string;
  /** Given only in a confidence-marked quiz, for an answered question. */
  confidence?: Confidence;
};

export type SubmitQuizResult = { ok: true; attemptId: string } | { ok: false; message: string };
