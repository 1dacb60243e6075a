"use server";

import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth/session";
import { loadModuleQuiz } from "@/lib/content/banks";
import { loadCourse } from "@/lib/content/load";
import { findModule } from "@/lib/content/navigation";
import { saveQuizAttempt } from "@/lib/quiz/queries";
import { gradeQuiz } from "@/lib/quiz/review";
import { submitQuizSchema, type SubmitQuizResult } from "@/lib/quiz/schema";

/** Grades a module quiz on the server and stores it; resolves only once stored. */
export async function submitQuiz(input: unknown): Promise<SubmitQuizResult> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, message: "登录已过期，请重新登录后再提交。" };
  const parsed = submitQuizSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: "提交的数据格式不正确，请刷新页面后重试。" };
  const course = loadCourse();
  const mod = findModule(course, parsed.data.moduleSlug);
  if (!mod) return { ok: false, message: "找不到这个模块。" };
  const questions = loadModuleQuiz(course, mod.slug);
  const known = new Set(questions.map((q) => q.id));
  const unknown = Object.keys(parsed.data.answers).filter((id) => !known.has(id));
  if (unknown.length) return { ok: false, message: "提交中包含本测验没有的题目，请刷新页面后重试。" };

  const { correct, total, score, review } = gradeQuiz(questions, parsed.data.answers);
  try {
    const attemptId = await saveQuizAttempt(user.id, { moduleSlug: mod.slug, correct, total, score, review });
    revalidatePath(`/modules/${mod.slug}`);
    return { ok: true, attemptId };
  } catch {
    return { ok: false, message: "保存失败，请检查网络后重试。你的作答仍在页面上。" };
  }
}
