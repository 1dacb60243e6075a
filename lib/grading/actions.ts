"use server";

import { revalidatePath } from "next/cache";
import { graderOrNull } from "@/lib/auth/scope";
import { loadAssessment } from "@/lib/content/banks";
import { attemptsInScope, releaseConfirmed, saveGrade, type SaveGradeResult } from "@/lib/grading/queries";
import { releaseSchema, saveGradeFormSchema, type GradeFormState, type ReleaseResult } from "@/lib/grading/schema";
import { firstIssue } from "@/lib/security/input";

const REFUSALS: Record<Exclude<SaveGradeResult, { ok: true }>["reason"], string> = {
  "not-found": "找不到这份答卷。",
  "not-submitted": "学员尚未提交答卷，不能批阅。",
  "invalid-scores": "有评分项需要修改，未保存。",
  conflict: "这份答卷刚被其他批阅人保存过。为避免覆盖对方的评分，本次未保存：请刷新页面查看最新评分后再修改。",
};

/** Form action of the grading screen (保存草稿 / 完成批阅). */
export async function saveGradeAction(_state: GradeFormState, form: FormData): Promise<GradeFormState> {
  const grader = await graderOrNull();
  if (!grader) return { ok: false, message: "只有讲师、管理员和有批阅权限的部门负责人可以批阅。" };
  const parsed = saveGradeFormSchema.safeParse(form);
  if (!parsed.success) return { ok: false, message: `未保存：${firstIssue(parsed.error)}` };
  // Outside a department head's subtree, an attempt reads exactly like a missing one.
  if (!(await attemptsInScope([parsed.data.attemptId], grader.scope)).size) return { ok: false, message: REFUSALS["not-found"] };
  const result = await saveGrade(grader.user.id, parsed.data, loadAssessment().config);
  if (!result.ok) return { ok: false, message: REFUSALS[result.reason], errors: "errors" in result ? result.errors : undefined };
  revalidatePath(`/grading/${parsed.data.attemptId}`);
  revalidatePath("/grading");
  return { ok: true, message: parsed.data.intent === "finalise" ? "已完成批阅。成绩将在发布后对学员可见。" : "草稿已保存。", version: result.version };
}

/** 发布: releases the grades the grader confirmed in the dialog (see releaseConfirmed). */
export async function releaseAction(input: unknown): Promise<ReleaseResult> {
  const grader = await graderOrNull();
  if (!grader) return { ok: false, message: "只有讲师、管理员和有批阅权限的部门负责人可以发布成绩。" };
  const parsed = releaseSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: `未发布：${firstIssue(parsed.error)}` };
  const visible = await attemptsInScope(parsed.data.attempts.map((a) => a.attemptId), grader.scope);
  const released = await releaseConfirmed(grader.user.id, parsed.data.attempts.filter((a) => visible.has(a.attemptId)));
  revalidatePath("/grading");
  for (const id of released) revalidatePath(`/grading/${id}`);
  const missed = new Set(parsed.data.attempts.map((a) => a.attemptId)).size - released.length;
  if (!released.length) return { ok: false, message: "未发布：成绩在你确认前已被修改或已发布。请刷新页面，核对后再发布。" };
  const note = missed ? `另有 ${missed} 份在你确认前已被修改或已发布，未发布：请刷新页面核对。` : "学员现在可以查看成绩。";
  return { ok: true, released: released.length, message: `已发布 ${released.length} 份成绩。${note}` };
}
