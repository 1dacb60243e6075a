"use server";

import { revalidatePath } from "next/cache";
import { adminOrNull } from "@/lib/auth/guards";
import { retryFailed } from "@/lib/outbox/queries";
import { formInput, firstIssue } from "@/lib/security/input";
import { z } from "@/lib/zod";

export type RetryState = { ok: boolean; message: string } | null;
const retrySchema = formInput(z.object({}));

/** /admin/settings: puts every failed message back in the queue; the next sweep sends it. */
export async function retryFailedAction(_state: RetryState, form: FormData): Promise<RetryState> {
  if (!(await adminOrNull())) return { ok: false, message: "只有管理员可以重试发送。" };
  const parsed = retrySchema.safeParse(form);
  if (!parsed.success) return { ok: false, message: firstIssue(parsed.error) };
  let count: number;
  try {
    count = await retryFailed();
  } catch {
    return { ok: false, message: "操作失败，请稍后重试。" };
  }
  revalidatePath("/admin/settings");
  return { ok: true, message: count ? `已将 ${count} 条失败的消息重新排队，一分钟内重新发送。` : "没有发送失败的消息。" };
}
