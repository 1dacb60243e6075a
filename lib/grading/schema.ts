import { z } from "zod";

const attemptId = z.string().min(1).max(40).regex(/^[a-z0-9]+$/i, "答卷编号无效");

export const saveGradeSchema = z
  .object({
    attemptId,
    version: z.coerce.number().int().min(0),
    intent: z.enum(["draft", "finalise"]),
    comment: z.string().max(5000, "总评不能超过 5000 字").default(""),
    scores: z.record(
      z.string().regex(/^p[23]:[a-z0-9-]{1,80}$/, "评分项无效"),
      z.object({
        points: z.coerce.number({ error: "分数必须是数字" }),
        comment: z.string().max(2000, "评语不能超过 2000 字").default(""),
      }),
    ),
  })
  .strict();
export type SaveGradeInput = z.infer<typeof saveGradeSchema>;

export const releaseSchema = z.union([
  z.object({ attemptId }).strict(),
  z.object({ all: z.literal(true) }).strict(),
]);

export type GradeFormState = {
  ok: boolean;
  message: string;
  errors?: Record<string, string>;
  version?: number;
} | null;
