import { z } from "zod";

const slug = z.string().regex(/^[a-z0-9-]+$/, "模块编号无效");
const optionIds = z.array(z.string().regex(/^[a-h]$/, "选项无效")).max(8);

export const submitQuizSchema = z
  .object({
    moduleSlug: slug,
    answers: z.record(z.string().regex(/^[a-z0-9-]+$/, "题目编号无效").max(80), optionIds),
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
};

export type SubmitQuizResult = { ok: true; attemptId: string } | { ok: false; message: string };
