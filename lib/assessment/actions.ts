"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { assessmentUnlocked } from "@/lib/assessment/access";
import { saveAnswers, startAttempt, submitAttempt, type SaveResult, type StartResult } from "@/lib/assessment/attempts";
import { autosaveSchema } from "@/lib/assessment/integrity";
import { recordIntegrityEvents } from "@/lib/assessment/integrity-queries";
import { attemptIdSchema, type ActionResult } from "@/lib/assessment/schema";
import { userOrNull } from "@/lib/auth/guards";
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
const NOT_FOUND = "找不到这次考核。";

const SAVE_REFUSALS: Record<Exclude<SaveResult, { ok: true }>["reason"], { message: string; closed?: true }> = {
  "not-found": { message: NOT_FOUND },
  "time-up": { message: "考试时间已到，答卷已按已保存的内容自动提交，不能再修改。", closed: true },
  submitted: { message: "本次考核已提交，不能再修改答案。", closed: true },
  "unknown-item": { message: "答案中包含本次考卷没有的题目，未保存任何内容。" },
  "wrong-kind": { message: "答案格式与题型不符，未保存任何内容。" },
  "bad-option": { message: "选项无效，未保存任何内容。请刷新页面后重试。" },
};

const START_REFUSALS: Record<Exclude<StartResult, { ok: true }>["reason"], (allowed: number) => string> = {
  "awaiting-grade": () => "你上一次的答卷正在等待批阅。成绩发布后再决定是否重考，这样不会白白占用考核次数。",
  certified: () => "你已通过结业考核并获得证书，无需再考。",
  "no-attempts-left": (allowed) => `结业考核最多可参加 ${allowed} 次，你的次数已用完。`,
  failed: () => "开始考核失败，请重试。",
};

/** Form action of 开始考核: draws a paper (or resumes the open one) and opens it. */
export async function startAssessment(): Promise<ActionResult> {
  const user = await userOrNull();
  if (!user) return SIGNED_OUT;
  if (!(await assessmentUnlocked(user))) return { ok: false, message: "完成全部 8 个模块的课程后才能参加结业考核。" };
  const started = await orBusy(() => startAttempt(user.id, loadAssessment()), "服务器繁忙，考核没有开始，请稍后再试。");
  if ("message" in started) return started;
  if (!started.ok) return { ok: false, message: START_REFUSALS[started.reason](started.allowed) };
  redirect(`/assessment/attempts/${started.attemptId}`);
}

/** Autosave: acknowledged only after the answers are stored. */
export async function saveAssessmentAnswers(input: unknown): Promise<ActionResult<{ savedAt: string }> & { closed?: boolean }> {
  const user = await userOrNull();
  if (!user) return SIGNED_OUT;
  const parsed = autosaveSchema.safeParse(input);
  if (!parsed.success) {
    const integrity = parsed.error.issues.some((issue) => issue.path[0] === "integrity");
    return { ok: false, message: integrity ? "切屏记录格式不正确，未保存。请刷新页面后重试。" : "答案格式不正确，未保存。请刷新页面后重试。" };
  }
  const { attemptId, answers, integrity } = parsed.data;
  const saved = await orBusy(async () => {
    const result = await saveAnswers(user.id, attemptId, answers);
    // Acknowledged even when the log is off or full, so the browser lets go of those events.
    if (result.ok && integrity?.length && loadAssessment().config.integrityLog) await recordIntegrityEvents(user.id, attemptId, integrity);
    return result;
  }, BUSY);
  if (saved.ok || "message" in saved) return saved;
  return { ok: false, ...SAVE_REFUSALS[saved.reason] };
}

export async function submitAssessment(input: unknown): Promise<ActionResult> {
  const user = await userOrNull();
  if (!user) return SIGNED_OUT;
  const parsed = attemptIdSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: "考核编号无效。" };
  const result = await orBusy(() => submitAttempt(user.id, parsed.data.attemptId), SUBMIT_BUSY);
  if ("message" in result) return result;
  if (!result.ok) return { ok: false, message: NOT_FOUND };
  revalidatePath("/assessment");
  return result;
}
