"use server";

import { revalidatePath } from "next/cache";
import { userOrNull } from "@/lib/auth/guards";
import { isCorrect } from "@/lib/quiz/grade";
import { getQuizAttempt } from "@/lib/quiz/queries";
import { reviewQuestion, quizQuestionKey } from "@/lib/review/questions";
import { addToBook, findCard, recordAnswer, recordRating, type AnswerRefusal } from "@/lib/review/queries";
import { RATING_LABELS, suggestedRating } from "@/lib/review/schedule";
import { addToBookSchema, answerReviewSchema, rateReviewSchema, type AddToBookState, type AnswerReviewResult, type RateReviewResult } from "@/lib/review/schema";
import { showingTokens } from "@/lib/review/showing";
import { firstIssue } from "@/lib/security/input";

// The review session's writes. Each: who is asking, the input parsed, the learner's own card,
// then the write; the answer reveals the key only once it is stored.

const SIGNED_OUT = "登录已过期，请重新登录后再继续复习。";
const ANSWER_REFUSALS: Record<AnswerRefusal, string> = {
  "not-found": "找不到这道复习题，请刷新页面。",
  retired: "这道题已经掌握，已移出错题本。",
  "not-due": "这道题今天还不需要复习。",
  replayed: "这次作答已经提交过了，不能重复提交。请刷新页面。",
  "awaiting-rating": "请先为上一道题的作答评分，再作答下一题。",
};

export async function answerReview(input: unknown): Promise<AnswerReviewResult> {
  const user = await userOrNull();
  if (!user) return { ok: false, message: SIGNED_OUT };
  const parsed = answerReviewSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: firstIssue(parsed.error, "提交的数据格式不正确，请刷新页面后重试。") };
  const { cardId, showingId, choices } = parsed.data;
  const card = await findCard(user.id, cardId);
  const question = card ? reviewQuestion(card.questionKey) : null;
  if (!card || !question) return { ok: false, message: ANSWER_REFUSALS["not-found"] };
  const tokens = showingTokens(user.id, card.id, showingId, question);
  const chosen = tokens.decode(question.id, choices);
  if (!chosen || (question.type === "single" && chosen.length !== 1)) return { ok: false, message: "提交的选项不属于这道题，请刷新页面后重做。" };
  const correct = isCorrect(question.answer, chosen);
  try {
    const refusal = await recordAnswer(user.id, card.id, showingId, correct);
    if (refusal) return { ok: false, message: ANSWER_REFUSALS[refusal] };
  } catch (error) {
    console.error(error);
    return { ok: false, message: "保存失败，请检查网络后重试。" };
  }
  return {
    ok: true,
    correct,
    key: tokens.encode(question.id, question.answer),
    explanation: question.explanation,
    lessonHref: question.lessonHref,
    lessonTitle: question.lessonTitle,
    suggested: suggestedRating(correct),
  };
}

export async function rateReview(input: unknown): Promise<RateReviewResult> {
  const user = await userOrNull();
  if (!user) return { ok: false, message: SIGNED_OUT };
  const parsed = rateReviewSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: firstIssue(parsed.error, "提交的数据格式不正确，请刷新页面后重试。") };
  const { cardId, showingId, rating } = parsed.data;
  try {
    const result = await recordRating(user.id, cardId, showingId, rating);
    if (!result.ok) return { ok: false, message: result.reason === "not-found" ? ANSWER_REFUSALS["not-found"] : "这道题还没有作答（或已经评过分），不能评分。请刷新页面。" };
    revalidatePath("/");
    revalidatePath("/review");
    const label = RATING_LABELS[rating];
    if (result.retained) return { ok: true, message: `已评为「${label}」。这道题已经掌握，移出错题本。` };
    return { ok: true, message: `已评为「${label}」。${result.sessionDone ? "今天的复习完成了！" : ""}` };
  } catch (error) {
    console.error(error);
    return { ok: false, message: "保存失败，请检查网络后重试。" };
  }
}

/** 加入错题本 from a module quiz's result page: a question of the learner's own attempt. */
export async function addToBookAction(_state: AddToBookState, form: FormData): Promise<AddToBookState> {
  const user = await userOrNull();
  if (!user) return { ok: false, message: "登录已过期，请重新登录。" };
  const parsed = addToBookSchema.safeParse(form);
  if (!parsed.success) return { ok: false, message: firstIssue(parsed.error, "请求无效，请刷新页面。") };
  const attempt = await getQuizAttempt(user.id, parsed.data.attemptId);
  const item = attempt?.review.find((q) => q.id === parsed.data.questionId);
  const key = attempt && item ? quizQuestionKey(attempt.moduleSlug, item.id) : null;
  const question = key ? reviewQuestion(key) : null;
  if (!attempt || !item || !key || !question) return { ok: false, message: "找不到这道题，请刷新页面。" };
  try {
    const added = await addToBook(user.id, { questionKey: key, moduleSlug: question.moduleSlug, lessonKey: question.lessonKey, origin: "added" });
    revalidatePath("/review/book");
    return { ok: true, message: added ? "已加入错题本。" : "这道题已在错题本中。" };
  } catch (error) {
    console.error(error);
    return { ok: false, message: "保存失败，请稍后重试。" };
  }
}
