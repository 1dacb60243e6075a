import { z } from "@/lib/zod";
import { OPTION_TOKEN } from "@/lib/quiz/option-tokens-format";
import { formInput } from "@/lib/security/input";

const cardId = z.string().min(1, "缺少题目编号。").max(60, "题目编号无效。").regex(/^[a-z0-9]+$/, "题目编号无效。");
const showingId = z.uuid("作答编号无效，请刷新页面。");

/** An answer to one showing of a card: the option tokens the showing named. */
export const answerReviewSchema = z
  .object({ cardId, showingId, choices: z.array(z.string().regex(OPTION_TOKEN, "选项无效，请刷新页面。")).min(1, "请先选择答案。").max(8) })
  .strict();

/** The learner's rating of the answer just given: 1 重来, 2 困难, 3 良好, 4 简单. */
export const rateReviewSchema = z
  .object({ cardId, showingId, rating: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)], { error: "请选择 重来、困难、良好 或 简单。" }) })
  .strict();

/** 加入错题本 on a quiz result: the learner's attempt and one of its questions. */
export const addToBookSchema = formInput(
  z.object({
    attemptId: z.string().min(1, "缺少测验编号。").max(60, "测验编号无效。"),
    questionId: z.string().regex(/^[a-z0-9-]+$/, "题目编号无效。").max(80, "题目编号无效。"),
  }),
);

export type RevealedAnswer = {
  correct: boolean;
  /** The key as this showing's option tokens: sent only after the answer is stored. */
  key: string[];
  explanation: string;
  lessonHref: string;
  lessonTitle: string;
  suggested: 1 | 2 | 3 | 4;
};
export type AnswerReviewResult = ({ ok: true } & RevealedAnswer) | { ok: false; message: string };
export type RateReviewResult = { ok: true; message: string } | { ok: false; message: string };
export type AddToBookState = { ok: boolean; message: string } | null;
