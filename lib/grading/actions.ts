"use server";

import { revalidatePath } from "next/cache";
import { getVerifiedUser } from "@/lib/auth/session";
import { loadAssessment } from "@/lib/content/banks";
import { releaseGrades, saveGrade } from "@/lib/grading/queries";
import { releaseSchema, saveGradeSchema, type GradeFormState } from "@/lib/grading/schema";

async function grader() {
  const user = await getVerifiedUser();
  return user && user.role !== "learner" ? user : null;
}

/** Form action of the grading screen (保存草稿 / 完成批阅). */
export async function saveGradeAction(_state: GradeFormState, form: FormData): Promise<GradeFormState> {
  const user = await grader();
  if (!user) return { ok: false, message: "只有讲师和管理员可以批阅。" };
  const scores: Record<string, { points: string; comment: string }> = {};
  for (const [name, value] of form.entries()) {
    const match = /^(points|comment):(.+)$/.exec(name);
    if (!match || typeof value !== "string") continue;
    const [, field, key] = match;
    if (field === "points" && value.trim() === "") continue; // not scored yet
    scores[key] ??= { points: "", comment: "" };
    scores[key][field as "points" | "comment"] = value;
  }
  const parsed = saveGradeSchema.safeParse({
    attemptId: form.get("attemptId"),
    version: form.get("version"),
    intent: form.get("intent"),
    comment: form.get("comment") ?? "",
    scores: Object.fromEntries(Object.entries(scores).filter(([, s]) => s.points !== "")),
  });
  if (!parsed.success) return { ok: false, message: "评分格式不正确：分数须为数字。未保存。" };
  const result = await saveGrade(user.id, parsed.data, loadAssessment().config);
  if (!result.ok) return { ok: false, message: result.message, errors: result.errors };
  revalidatePath(`/grading/${parsed.data.attemptId}`);
  revalidatePath("/grading");
  return { ok: true, message: parsed.data.intent === "finalise" ? "已完成批阅。成绩将在发布后对学员可见。" : "草稿已保存。", version: result.version };
}

export async function releaseAction(input: unknown): Promise<{ ok: boolean; message: string }> {
  const user = await grader();
  if (!user) return { ok: false, message: "只有讲师和管理员可以发布成绩。" };
  const parsed = releaseSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: "请求无效。" };
  const count = await releaseGrades(user.id, parsed.data);
  revalidatePath("/grading");
  return count ? { ok: true, message: `已发布 ${count} 份成绩。` } : { ok: false, message: "没有可发布的已批阅答卷。" };
}
