"use server";

import { revalidatePath } from "next/cache";
import { adminOrNull } from "@/lib/auth/guards";
import { firstIssue } from "@/lib/security/input";
import { lrsSettings, makeQueuedDue, removeLrsSettings, saveLrsSettings } from "@/lib/xapi/queries";
import { emptyFormSchema, lrsFormSchema, typedValues, type XapiFormState } from "@/lib/xapi/schema";
import { checkLrs, sendStatements } from "@/lib/xapi/send";

const ADMIN_ONLY = "只有管理员可以修改学习记录（xAPI）设置。";
const PAGE = "/admin/xapi";

/** Saves the LRS (an empty secret keeps the saved one); from now on learner events queue statements. */
export async function saveLrsAction(_state: XapiFormState, form: FormData): Promise<XapiFormState> {
  if (!(await adminOrNull())) return { ok: false, message: ADMIN_ONLY };
  const parsed = lrsFormSchema.safeParse(form);
  if (!parsed.success) return { ok: false, message: firstIssue(parsed.error, "设置无效，未保存。"), values: typedValues(form) };
  try {
    await saveLrsSettings(parsed.data);
  } catch {
    return { ok: false, message: "保存失败，请稍后重试。" };
  }
  revalidatePath(PAGE);
  return { ok: true, message: "已保存 LRS 设置。之后的学习记录将发送到该 LRS。" };
}

/** Stops recording: events no longer queue statements; those already queued wait for a new LRS. */
export async function removeLrsAction(_state: XapiFormState, form: FormData): Promise<XapiFormState> {
  if (!(await adminOrNull())) return { ok: false, message: ADMIN_ONLY };
  const parsed = emptyFormSchema.safeParse(form);
  if (!parsed.success) return { ok: false, message: firstIssue(parsed.error) };
  try {
    await removeLrsSettings();
  } catch {
    return { ok: false, message: "操作失败，请稍后重试。" };
  }
  revalidatePath(PAGE);
  return { ok: true, message: "已停用 LRS：之后的学习事件不再生成学习记录。" };
}

/** Retry now: every queued statement becomes due, and one sending round runs at once (at most 10 s). */
export async function retryNowAction(_state: XapiFormState, form: FormData): Promise<XapiFormState> {
  if (!(await adminOrNull())) return { ok: false, message: ADMIN_ONLY };
  const parsed = emptyFormSchema.safeParse(form);
  if (!parsed.success) return { ok: false, message: firstIssue(parsed.error) };
  let sent: number;
  try {
    await makeQueuedDue();
    ({ sent } = await sendStatements({ budgetMs: 10_000 }));
  } catch {
    return { ok: false, message: "操作失败，请稍后重试。" };
  }
  revalidatePath(PAGE);
  return { ok: true, message: sent ? `已发送 ${sent} 条学习记录。` : "本次没有发送成功的记录：请查看下方的错误，或稍后再试。" };
}

/** 测试连接 with the saved settings (never with typed, unsaved ones: the secret is not re-sent). */
export async function testLrsAction(_state: XapiFormState, form: FormData): Promise<XapiFormState> {
  if (!(await adminOrNull())) return { ok: false, message: ADMIN_ONLY };
  const parsed = emptyFormSchema.safeParse(form);
  if (!parsed.success) return { ok: false, message: firstIssue(parsed.error) };
  let settings;
  try {
    settings = await lrsSettings();
  } catch {
    return { ok: false, message: "操作失败，请稍后重试。" };
  }
  if (!settings) return { ok: false, message: "请先保存 LRS 设置，再测试连接。" };
  return checkLrs(settings);
}
