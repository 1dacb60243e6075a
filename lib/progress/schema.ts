import { z } from "@/lib/zod";

// strict(): the learner is always the signed-in user; a request naming a userId is refused.
export const completeLessonSchema = z
  .object({ lessonKey: z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+$/, "课程编号无效") })
  .strict();
export type CompleteLessonInput = z.infer<typeof completeLessonSchema>;

export type ActionResult = { ok: true } | { ok: false; message: string };
