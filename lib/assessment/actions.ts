"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { assessmentUnlocked } from "@/lib/assessment/access";
import { saveAnswers, startAttempt, submitAttempt } from "@/lib/assessment/queries";
import { attemptIdSchema, saveAnswersSchema, type ActionResult } from "@/lib/assessment/schema";
import { getCurrentUser } from "@/lib/auth/session";
import { loadAssessment } from "@/lib/content/banks";

const BUSY = "服务器繁忙，这次没有保存成功。你的作答仍保存在本机，会自动重试。";
const SUBMIT_BUSY = "服务器繁忙，提交没有完成。已保存的作答不会丢失，请稍后再点一次提交。";

/** A database failure (say, no free connection under a crowd) becomes a zh-CN answer, not a 500. */
async function orBusy<T>(work: () => Promise<T>, message: string): Promise<T | { ok: false; message: string }> {
  try {
    return await work();
  } catch (error) {
    console.error(error);
    return { ok: false, message };
  }
}

const SIGNED_OUT = { ok: false as const, message: "登录已过期，请重新登录。你的作答已保存在本机，登录后会自动上传。" };

/** Form action of 开始考核: draws a paper (or resumes the open one) and opens it. */
export async function startAssessment(): Promise<ActionResult> {
  const user = await getCurrentUser();
  if (!user) return SIGNED_OUT;
  if (!(await assessmentUnlocked(user))) return { ok: false, message: "完成全部 8 个模块的课程后才能参加结业考核。" };
  const started = await orBusy(() => startAttempt(user.id, loadAssessment()), "服务器繁忙，考核没有开始，请稍后再试。");
  if (!started.ok) return started;
  redirect(`/assessment/attempts/${started.attemptId}`);
}

/** Autosave: acknowledged only after the answers are stored. */
export async function saveAssessmentAnswers(input: unknown): Promise<ActionResult<{ savedAt: string }> & { closed?: boolean }> {
  const user = await getCurrentUser();
  if (!user) return SIGNED_OUT;
  const parsed = saveAnswersSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: "答案格式不正确，未保存。请刷新页面后重试。" };
  return orBusy(() => saveAnswers(user.id, parsed.data.attemptId, parsed.data.answers), BUSY);
}

export async function submitAssessment(input: unknown): Promise<ActionResult> {
  const user = await getCurrentUser();
  if (!user) return SIGNED_OUT;
  const parsed = attemptIdSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: "考核编号无效。" };
  const result = await orBusy(() => submitAttempt(user.id, parsed.data.attemptId), SUBMIT_BUSY);
  if (result.ok) revalidatePath("/assessment");
  return result;
}
