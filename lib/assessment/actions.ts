"use server";

import { revalidatePath } from "next/cache";
import { submitAttempt } from "@/lib/assessment/attempts";
import { NOT_FOUND, SIGNED_OUT, SUBMIT_BUSY } from "@/lib/assessment/messages";
import { attemptIdSchema, type ActionResult } from "@/lib/assessment/schema";
import { userOrNull } from "@/lib/auth/guards";

// 开始考核 and the autosave are route handlers (decision 026, lib/assessment/requests.ts); 提交
// stays an action: once per attempt, and the page needs the revalidated 结业考核 page after it.

export async function submitAssessment(input: unknown): Promise<ActionResult> {
  const user = await userOrNull();
  if (!user) return { ok: false, message: SIGNED_OUT };
  const parsed = attemptIdSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: "考核编号无效。" };
  try {
    const result = await submitAttempt(user.id, parsed.data.attemptId);
    if (!result.ok) return { ok: false, message: NOT_FOUND };
  } catch (error) {
    // A database failure (say, no free connection under a crowd) becomes a zh-CN answer, not a 500.
    console.error(error);
    return { ok: false, message: SUBMIT_BUSY };
  }
  revalidatePath("/assessment");
  return { ok: true };
}
