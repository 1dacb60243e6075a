import { z } from "zod";

const attemptId = z.string().min(1).max(40).regex(/^[a-z0-9]+$/i, "考核编号无效");
export const ITEM_KEY = /^(p1|p2):[a-z0-9-]{1,80}$|^p3:[0-4]$/;

export const answerValueSchema = z.union([
  z.array(z.string().regex(/^[a-h]$/)).max(8),
  z.string().max(20_000, "单项作答不能超过 20000 字"),
]);
export type AnswerValue = z.infer<typeof answerValueSchema>;

export const saveAnswersSchema = z
  .object({
    attemptId,
    answers: z
      .array(z.object({ itemKey: z.string().regex(ITEM_KEY, "题目编号无效"), value: answerValueSchema }).strict())
      .min(1)
      .max(200),
  })
  .strict();

export const attemptIdSchema = z.object({ attemptId }).strict();

export type ActionResult<T = object> = ({ ok: true } & T) | { ok: false; message: string };

export const STATUS_LABELS = {
  in_progress: "进行中",
  submitted: "待批阅",
  failed: "未通过",
  passed: "通过",
  certified: "通过并获证",
} as const;
export type AttemptStatus = keyof typeof STATUS_LABELS;
