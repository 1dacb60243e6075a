"use server";

import { revalidatePath } from "next/cache";
import { userOrNull } from "@/lib/auth/guards";
import { loadModuleQuiz, loadModuleQuizSettings } from "@/lib/content/banks";
import { loadCourse } from "@/lib/content/load";
import { findModule } from "@/lib/content/navigation";
import type { Confidence } from "@/lib/quiz/confidence";
import { saveQuizAttempt } from "@/lib/quiz/queries";
import { gradeQuiz } from "@/lib/quiz/review";
import { submitQuizSchema, type SubmitQuizResult } from "@/lib/quiz/schema";
import { sittingTokens } from "@/lib/quiz/sitting";

/**
 * Grades a module quiz sitting on the server and stores it; resolves only once stored. The
 * sitting's option tokens are read back to option ids here; a sitting already submitted (a double
 * click, a resent request) answers with the attempt it made.
 */
export async function submitQuiz(input: unknown): Promise<SubmitQuizResult> {
  const user = await userOrNull();
  if (!user) return { ok: false, message: "登录已过期，请重新登录后再提交。" };
  const parsed = submitQuizSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: "提交的数据格式不正确，请刷新页面后重试。" };
  const { moduleSlug, sittingId, answers } = parsed.data;
  const course = loadCourse();
  const mod = findModule(course, moduleSlug);
  if (!mod) return { ok: false, message: "找不到这个模块。" };
  const questions = loadModuleQuiz(course, mod.slug);
  const tokens = sittingTokens(user.id, mod.slug, sittingId, questions);
  const known = new Set(questions.map((q) => q.id));
  const { confidenceMarking } = loadModuleQuizSettings(course, mod.slug);
  const chosen = new Map<string, string[]>();
  const confidences = new Map<string, Confidence>();
  for (const { questionId, choices, confidence } of answers) {
    const ids = known.has(questionId) ? tokens.decode(questionId, choices) : null;
    if (!ids || chosen.has(questionId)) return { ok: false, message: "提交中包含本次测验没有的题目或选项，请刷新页面后重做。" };
    chosen.set(questionId, ids);
    if (!confidenceMarking || ids.length === 0) continue;
    if (!confidence) return { ok: false, message: "请为每道已作答的题选择「我有多确定？」（低、中或高）后再提交。" };
    confidences.set(questionId, confidence);
  }

  const { correct, total, score, review, confidencePoints } = gradeQuiz(
    questions,
    Object.fromEntries(chosen),
    confidenceMarking ? Object.fromEntries(confidences) : undefined,
  );
  try {
    const attemptId = await saveQuizAttempt(user.id, { moduleSlug: mod.slug, sittingId, correct, total, score, review, confidencePoints });
    revalidatePath(`/modules/${mod.slug}`);
    return { ok: true, attemptId };
  } catch (error) {
    console.error(error);
    return { ok: false, message: "保存失败，请检查网络后重试。你的作答仍在页面上。" };
  }
}
