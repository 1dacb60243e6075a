import { z } from "@/lib/zod";
import type { Role } from "@/lib/auth/role-labels";
import type { Tally } from "@/lib/progress/rules";

/** The signed-in user as the site header shows them. */
export type HeaderUser = { name: string; role: Role };

export type LessonState = { key: string; completed: boolean; module: Tally };

/** The answer of GET /api/me: shared by the route and the browser code that reads it. */
export type LearnerState = { user: HeaderUser; lesson?: LessonState };

export const learnerStateQuerySchema = z
  .object({ lesson: z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+$/, "课程编号无效").optional() })
  .strict();
