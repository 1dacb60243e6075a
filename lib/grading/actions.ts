"use server";

import { revalidatePath } from "next/cache";
import { staffOrNull } from "@/lib/auth/guards";
import { loadAssessment } from "@/lib/content/banks";
import { releaseGrades, saveGrade, type SaveGradeResult } from "@/lib/grading/queries";
import { releaseSchema, saveGradeFormSchema, type GradeFormState } from "@/lib/grading/schema";
import { firstIssue } from "@/lib/security/input";

const REFUSALS: Record<Exclude<SaveGradeResult, { ok: true }>["reason"], string> = {
  "not-found": "找不到这份答卷。",
  "not-submitted": "学员尚未提交答卷，不能批阅。",
  "invalid-scores": "有评分项需要修改，未保存。",
  conflict: "这份答卷刚被其他批阅人保存过。为避免覆盖对方的评分，本次未保存：请刷新页面查看最新评分后再修改。",
};

/** Form action of the grading screen (保存草稿 / 完成批阅). */
export async function saveGradeAction(_state: GradeFormState, form: FormData): Promise<GradeFormState> {
  const user = await staffOrNull();
  if (!user) return { ok: false, message: "只有讲师和管理员可以批阅。" };
  const parsed = saveGradeFormSchema.safeParse(form);
  if (!parsed.success) return { ok: false, message: `未保存：${firstIssue(parsed.error)}` };
  const result = await saveGrade(user.id, parsed.data, loadAssessment().config);
  if (!result.ok) return { ok: false, message: REFUSALS[result.reason], errors: "errors" in result ? result.errors : undefined };
  revalidatePath(`/grading/${parsed.data.attemptId}`);
  revalidatePath("/grading");
  return { ok: true, message: parsed.data.intent === "finalise" ? "已完成批阅。成绩将在发布后对学员可见。" : "草稿已保存。", version: result.version };
}

export async function releaseAction(input: unknown): Promise<{ ok: boolean; message: string }> {
  const user = await staffOrNull();
  if (!user) return { ok: false, message: "只有讲师和管理员可以发布成绩。" };
  const parsed = releaseSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: firstIssue(parsed.error) };
  const count = await releaseGrades(user.id, parsed.data);
  revalidatePath("/grading");
  return count ? { ok: true, message: `已发布 ${count} 份成绩。` } : { ok: false, message: "没有可发布的已批阅答卷。" };
}
