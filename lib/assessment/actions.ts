"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { assessmentUnlocked } from "@/lib/assessment/access";
import { saveAnswers, startAttempt, submitAttempt } from "@/lib/assessment/attempts";
import { autosaveSchema } from "@/lib/assessment/integrity";
import { recordIntegrityEvents } from "@/lib/assessment/integrity-queries";
import { attemptIdSchema, type ActionResult } from "@/lib/assessment/schema";
import { userOrNull } from "@/lib/auth/guards";
import { BAD_ANSWERS, BAD_INTEGRITY, LOCKED, NOT_FOUND, SAVE_BUSY, SAVE_REFUSALS, SIGNED_OUT, START_BUSY, START_REFUSALS, SUBMIT_BUSY } from "@/lib/assessment/messages";
import { loadAssessment } from "@/lib/content/banks";

/** A database failure (say, no free connection under a crowd) becomes a zh-CN answer, not a 500. */
async function orBusy<T>(work: () => Promise<T>, message: string): Promise<T | { ok: false; message: string }> {
  try {
    return await work();
  } catch (error) {
    console.error(error);
    return { ok: false, message };
  }
}

const SIGNED_OUT_REPLY = { ok: false as const, message: SIGNED_OUT };

/** Form action of 开始考核: draws a paper (or resumes the open one) and opens it. */
export async function startAssessment(): Promise<ActionResult> {
  const user = await userOrNull();
  if (!user) return SIGNED_OUT_REPLY;
  if (!(await assessmentUnlocked(user))) return { ok: false, message: LOCKED };
  const started = await orBusy(() => startAttempt(user.id, loadAssessment()), START_BUSY);
  if ("message" in started) return started;
  if (!started.ok) return { ok: false, message: START_REFUSALS[started.reason](started.allowed) };
  redirect(`/assessment/attempts/${started.attemptId}`);
}

/** Autosave: acknowledged only after the answers are stored. */
export async function saveAssessmentAnswers(input: unknown): Promise<ActionResult<{ savedAt: string }> & { closed?: boolean }> {
  const user = await userOrNull();
  if (!user) return SIGNED_OUT_REPLY;
  const parsed = autosaveSchema.safeParse(input);
  if (!parsed.success) {
    const integrity = parsed.error.issues.some((issue) => issue.path[0] === "integrity");
    return { ok: false, message: integrity ? BAD_INTEGRITY : BAD_ANSWERS };
  }
  const { attemptId, answers, integrity } = parsed.data;
  const saved = await orBusy(async () => {
    const result = await saveAnswers(user.id, attemptId, answers);
    // Acknowledged even when the log is off or full, so the browser lets go of those events.
    if (result.ok && integrity?.length && loadAssessment().config.integrityLog) await recordIntegrityEvents(user.id, attemptId, integrity);
    return result;
  }, SAVE_BUSY);
  if (saved.ok || "message" in saved) return saved;
  return { ok: false, ...SAVE_REFUSALS[saved.reason] };
}

export async function submitAssessment(input: unknown): Promise<ActionResult> {
  const user = await userOrNull();
  if (!user) return SIGNED_OUT_REPLY;
  const parsed = attemptIdSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: "考核编号无效。" };
  const result = await orBusy(() => submitAttempt(user.id, parsed.data.attemptId), SUBMIT_BUSY);
  if ("message" in result) return result;
  if (!result.ok) return { ok: false, message: NOT_FOUND };
  revalidatePath("/assessment");
  return result;
}
