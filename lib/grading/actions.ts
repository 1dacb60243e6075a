"use server";

import { revalidatePath } from "next/cache";
import { adminOrNull } from "@/lib/auth/guards";
import { graderOrNull } from "@/lib/auth/scope";
import { pickForDoubleGrading, saveBlindGrade, type BlindSaveResult } from "@/lib/grading/blind";
import { saveDoubleGradingSettings } from "@/lib/grading/settings";
import { loadAssessment } from "@/lib/content/banks";
import { attemptsInScope, releaseConfirmed, saveGrade, type SaveGradeResult } from "@/lib/grading/queries";
import { doubleGradingFormSchema, pickFormSchema, releaseSchema, saveGradeFormSchema, type GradeFormState, type ReleaseResult } from "@/lib/grading/schema";
import { firstIssue } from "@/lib/security/input";

const REFUSALS: Record<Exclude<SaveGradeResult, { ok: true }>["reason"], string> = {
  "not-found": "找不到这份答卷。",
  "not-submitted": "学员尚未提交答卷，不能批阅。",
  "invalid-scores": "有评分项需要修改，未保存。",
  "double-graded": "这份答卷已设为双评，须由两位批阅人分别独立评分：请刷新页面，使用双评表单。",
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

const BLIND_REFUSALS: Record<Exclude<BlindSaveResult, { ok: true }>["reason"], string> = {
  "not-found": REFUSALS["not-found"],
  "not-double": "这份答卷不在双评中（可能已生成成绩）。请刷新页面。",
  taken: "两位批阅人已认领这份答卷的双评，你无需再评。",
  finalised: "你已完成这份答卷的双评评分，不能再修改。",
  "in-pair": "你是这份答卷的双评批阅人之一，不能担任仲裁。请由第三位批阅人仲裁。",
  "invalid-scores": REFUSALS["invalid-scores"],
  conflict: "你的评分在别处（另一个标签页）刚保存过。为避免覆盖，本次未保存：请刷新页面后再修改。",
};

const BLIND_DONE: Record<Extract<BlindSaveResult, { ok: true }>["outcome"], string> = {
  draft: "草稿已保存（仅你可见）。",
  waiting: "已完成评分。另一位批阅人评分后，系统将比对两份评分。",
  agreed: "两位批阅人的评分一致：已按平均分生成成绩，发布后学员可见。",
  disputed: "两位批阅人的评分在部分评分项上分差超出容差：答卷已转交第三位批阅人仲裁。",
  moderated: "仲裁完成：已生成成绩，发布后学员可见。",
};

/** Form action of a double-graded attempt's blind form, or of the moderator's form (decision 043). */
export async function saveBlindGradeAction(_state: GradeFormState, form: FormData): Promise<GradeFormState> {
  const grader = await graderOrNull();
  if (!grader) return { ok: false, message: "只有讲师、管理员和有批阅权限的部门负责人可以批阅。" };
  const parsed = saveGradeFormSchema.safeParse(form);
  if (!parsed.success) return { ok: false, message: `未保存：${firstIssue(parsed.error)}` };
  if (!(await attemptsInScope([parsed.data.attemptId], grader.scope)).size) return { ok: false, message: REFUSALS["not-found"] };
  const result = await saveBlindGrade(grader.user.id, parsed.data, loadAssessment().config);
  if (!result.ok) return { ok: false, message: BLIND_REFUSALS[result.reason], errors: "errors" in result ? result.errors : undefined };
  revalidatePath(`/grading/${parsed.data.attemptId}`);
  revalidatePath("/grading");
  return { ok: true, message: BLIND_DONE[result.outcome], version: result.version };
}

/** 设为双评: a grader picks an attempt nobody has started grading. */
export async function pickDoubleGradingAction(_state: GradeFormState, form: FormData): Promise<GradeFormState> {
  const grader = await graderOrNull();
  if (!grader) return { ok: false, message: "只有讲师、管理员和有批阅权限的部门负责人可以设置双评。" };
  const parsed = pickFormSchema.safeParse(form);
  if (!parsed.success) return { ok: false, message: firstIssue(parsed.error) };
  if (!(await attemptsInScope([parsed.data.attemptId], grader.scope)).size) return { ok: false, message: REFUSALS["not-found"] };
  const result = await pickForDoubleGrading(parsed.data.attemptId);
  if (!result.ok) {
    const reasons = { "not-found": REFUSALS["not-found"], already: "这份答卷已是双评。", started: "已有人开始批阅这份答卷，不能再设为双评。" };
    return { ok: false, message: reasons[result.reason] };
  }
  revalidatePath(`/grading/${parsed.data.attemptId}`);
  revalidatePath("/grading");
  return { ok: true, message: "已设为双评：请由两位批阅人分别独立评分。" };
}

/** /admin/settings: the share of attempts drawn for double grading and the agreement tolerance. */
export async function saveDoubleGradingAction(_state: GradeFormState, form: FormData): Promise<GradeFormState> {
  if (!(await adminOrNull())) return { ok: false, message: "只有管理员可以修改系统设置。" };
  const parsed = doubleGradingFormSchema.safeParse(form);
  if (!parsed.success) return { ok: false, message: firstIssue(parsed.error, "设置无效，未保存。") };
  await saveDoubleGradingSettings(parsed.data);
  revalidatePath("/admin/settings");
  return {
    ok: true,
    message: parsed.data.share
      ? `已保存：今后开始批阅的答卷中约 ${parsed.data.share}% 将随机抽为双评，各评分项分差在满分的 ${parsed.data.tolerance}% 以内视为一致。`
      : "已保存：不再随机抽取双评（讲师仍可手动设为双评）。",
  };
}
