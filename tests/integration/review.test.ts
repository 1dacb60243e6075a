import { beforeEach, describe, expect, it, vi } from "vitest";
import { auth } from "@/lib/auth/auth";
import { loadAttempt, saveAnswers, startAttempt, submitAttempt } from "@/lib/assessment/attempts";
import { part1Key } from "@/lib/assessment/item-keys";
import { publicPaper } from "@/lib/assessment/public-paper";
import { attemptTokens } from "@/lib/assessment/rules";
import { loadModuleQuiz, readAssessment } from "@/lib/content/banks";
import { loadCourse } from "@/lib/content/load";
import { db } from "@/lib/db";
import { newSitting } from "@/lib/quiz/sitting";

// 错题本 and the spaced review through the paths a learner takes: a module quiz, the session's
// answer and rating actions, the sweep that imports part-1 misses and writes the review notice,
// and the analytics a trainer reads. Time moves by passing `now` or by ageing the stored rows.

type Role = "learner" | "trainer";
const current = vi.hoisted(() => ({ user: null as null | { id: string; name: string; email: string; role: Role } }));
const policy = vi.hoisted(() => ({ part1: "afterLastAttempt" as "afterLastAttempt" | "afterRelease" | "afterSubmission" }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => current.user, getVerifiedUser: async () => current.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("@/lib/content/banks", async (original) => {
  const real = await original<typeof import("@/lib/content/banks")>();
  return { ...real, loadAssessment: () => { const a = real.loadAssessment(); return { ...a, config: { ...a.config, review: { part1: policy.part1 } } }; } };
});
const { submitQuiz } = await import("@/lib/quiz/actions");
const { answerReview, rateReview, addToBookAction } = await import("@/lib/review/actions");
const { recordAnswer, recordRating, reviewSummary, todaysCards } = await import("@/lib/review/queries");
const { importPart1Misses, remindDueReviews } = await import("@/lib/review/sweep");
const { newShowing, showingTokens } = await import("@/lib/review/showing");
const { reviewQuestion } = await import("@/lib/review/questions");
const { reviewAnalytics, reviewCsv } = await import("@/lib/analytics/review");

const DAY = 86_400_000;
let n = 0;
async function signUp(role: Role = "learner") {
  const { user } = await auth.api.signUpEmail({ body: { name: "复习学员", email: `review${n++}-${Date.now()}@example.com`, password: "password123" } });
  if (role !== "learner") await db.user.update({ where: { id: user.id }, data: { role } });
  return { id: user.id, name: user.name, email: user.email, role };
}
const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  return data;
};

/** A module quiz with exactly `wrong` questions answered wrongly, through the learner's action. */
async function quizWithMisses(wrong: number) {
  const course = loadCourse();
  const slug = course.modules[0].slug;
  const questions = loadModuleQuiz(course, slug);
  const sitting = newSitting(current.user!.id, slug, questions);
  const tokens = (await import("@/lib/quiz/sitting")).sittingTokens(current.user!.id, slug, sitting.sittingId, questions);
  const answers = questions.map((q, i) => ({ questionId: q.id, choices: tokens.encode(q.id, i < wrong ? q.options.map((o) => o.id).filter((id) => !q.answer.includes(id)).slice(0, 1) : q.answer) }));
  const result = await submitQuiz({ moduleSlug: slug, sittingId: sitting.sittingId, answers });
  if (!result.ok) throw new Error(result.message);
  return { slug, questions, attemptId: result.attemptId, missed: questions.slice(0, wrong) };
}

/** Answers a card's showing as the browser would: right or wrong, with that showing's tokens. */
async function answer(cardId: string, right: boolean) {
  const card = (await db.reviewCard.findUniqueOrThrow({ where: { id: cardId } }));
  const question = reviewQuestion(card.questionKey)!;
  const showing = newShowing(current.user!.id, card.id, question);
  const tokens = showingTokens(current.user!.id, card.id, showing.showingId, question);
  const choice = right ? question.answer : question.options.map((o) => o.id).filter((id) => !question.answer.includes(id)).slice(0, 1);
  return { showing, result: await answerReview({ cardId, showingId: showing.showingId, choices: tokens.encode(question.id, choice) }), question };
}

/** Moves the learner's review data `days` into the past: the same as the clock moving forward. */
async function age(userId: string, days: number) {
  const cards = await db.reviewCard.findMany({ where: { userId } });
  for (const c of cards) {
    await db.reviewCard.update({ where: { id: c.id }, data: { due: new Date(c.due.getTime() - days * DAY), addedAt: new Date(c.addedAt.getTime() - days * DAY), lastReview: c.lastReview && new Date(c.lastReview.getTime() - days * DAY) } });
  }
}

beforeEach(() => {
  policy.part1 = "afterLastAttempt";
});

describe("错题本", () => {
  it("receives every wrong module-quiz answer in the attempt's transaction, once", async () => {
    current.user = await signUp();
    const { missed, slug } = await quizWithMisses(3);
    const cards = await db.reviewCard.findMany({ where: { userId: current.user.id }, orderBy: { questionKey: "asc" } });
    expect(cards.map((c) => c.questionKey).sort()).toEqual(missed.map((q) => `quiz:${slug}:${q.id}`).sort());
    expect(cards.every((c) => c.origin === "quiz_wrong" && c.moduleSlug === slug && c.state === 0)).toBe(true);
    expect(cards.map((c) => c.lessonKey).sort()).toEqual(missed.map((q) => `${slug}/${q.lesson}`).sort());
    await quizWithMisses(3); // the same misses again: still one card each
    expect(await db.reviewCard.count({ where: { userId: current.user.id } })).toBe(3);
    expect(await reviewSummary(current.user.id)).toMatchObject({ due: 3, streak: 0 });
  });

  it("takes a question the learner adds from their own quiz review, and refuses another learner's attempt", async () => {
    current.user = await signUp();
    const { attemptId, questions, slug } = await quizWithMisses(0);
    const right = questions[0].id;
    expect(await addToBookAction(null, form({ attemptId, questionId: right }))).toEqual({ ok: true, message: "已加入错题本。" });
    expect(await addToBookAction(null, form({ attemptId, questionId: right }))).toEqual({ ok: true, message: "这道题已在错题本中。" });
    expect(await db.reviewCard.findFirst({ where: { userId: current.user.id } })).toMatchObject({ questionKey: `quiz:${slug}:${right}`, origin: "added" });
    expect(await addToBookAction(null, "attemptId=x" as unknown as FormData)).toMatchObject({ ok: false, message: expect.stringContaining("表单") });
    current.user = await signUp();
    expect(await addToBookAction(null, form({ attemptId, questionId: right }))).toEqual({ ok: false, message: "找不到这道题，请刷新页面。" });
    expect(await db.reviewCard.count({ where: { userId: current.user.id } })).toBe(0);
  });
});

describe("a review", () => {
  it("reveals the key only after the answer is stored, refuses a replay, and rates only the answer just given", async () => {
    current.user = await signUp();
    await quizWithMisses(2);
    const [first, second] = await todaysCards(current.user.id);

    const bad = await answerReview({ cardId: first.id, showingId: crypto.randomUUID(), choices: ["AAAAAAAAAAAAAAAA"] });
    expect(bad).toEqual({ ok: false, message: "提交的选项不属于这道题，请刷新页面后重做。" });
    expect(await rateReview({ cardId: first.id, showingId: crypto.randomUUID(), rating: 3 })).toEqual({ ok: false, message: expect.stringContaining("还没有作答") });
    expect(await answerReview({ cardId: first.id, showingId: "x", choices: [] })).toMatchObject({ ok: false, message: expect.stringMatching(/[\u4e00-\u9fa5]/) });
    expect(await rateReview({ cardId: first.id, showingId: crypto.randomUUID(), rating: 5 })).toEqual({ ok: false, message: "请选择 重来、困难、良好 或 简单。" });
    for (const hostile of ["cardId=x", 7, null, JSON.parse(`{"cardId":"${first.id}","showingId":"${crypto.randomUUID()}","choices":["AAAAAAAAAAAAAAAA"],"__proto__":{"ok":true}}`)]) {
      expect(await answerReview(hostile)).toEqual({ ok: false, message: expect.stringMatching(/[\u4e00-\u9fa5]/) });
      expect(await rateReview(hostile)).toEqual({ ok: false, message: expect.stringMatching(/[\u4e00-\u9fa5]/) });
    }
    const signedIn = current.user;
    current.user = null;
    expect(await answerReview({ cardId: first.id, showingId: crypto.randomUUID(), choices: ["AAAAAAAAAAAAAAAA"] })).toEqual({ ok: false, message: expect.stringContaining("登录已过期") });
    current.user = signedIn;

    const { showing, result, question } = await answer(first.id, false);
    const tokens = showingTokens(current.user.id, first.id, showing.showingId, question);
    expect(result).toEqual({ ok: true, correct: false, key: tokens.encode(question.id, question.answer), explanation: question.explanation, lessonHref: question.lessonHref, lessonTitle: question.lessonTitle, suggested: 1 });
    expect(JSON.stringify(showing.question)).not.toContain(question.explanation);
    // The same answer again, and another card before this one is rated: refused.
    const replay = await answerReview({ cardId: first.id, showingId: showing.showingId, choices: tokens.encode(question.id, question.answer) });
    expect(replay).toEqual({ ok: false, message: expect.stringContaining("已经提交过") });
    expect((await answer(first.id, true)).result).toEqual({ ok: false, message: "请先为上一道题的作答评分，再作答下一题。" });
    // A rating for a card not just answered, and for a showing other than the one answered: refused.
    expect(await rateReview({ cardId: second.id, showingId: showing.showingId, rating: 3 })).toEqual({ ok: false, message: expect.stringContaining("还没有作答") });
    expect(await rateReview({ cardId: first.id, showingId: crypto.randomUUID(), rating: 3 })).toEqual({ ok: false, message: expect.stringContaining("还没有作答") });

    expect(await rateReview({ cardId: first.id, showingId: showing.showingId, rating: 1 })).toEqual({ ok: true, message: "已评为「重来」。" });
    expect(await rateReview({ cardId: first.id, showingId: showing.showingId, rating: 1 })).toEqual({ ok: false, message: expect.stringContaining("还没有作答") });
    const replayAfter = await answerReview({ cardId: first.id, showingId: showing.showingId, choices: tokens.encode(question.id, question.answer) });
    expect(replayAfter).toEqual({ ok: false, message: expect.stringContaining("已经提交过") });
    const log = await db.reviewLog.findUniqueOrThrow({ where: { showingId: showing.showingId } });
    expect(log).toMatchObject({ cardId: first.id, correct: false, rating: 1, stateBefore: 0 });

    // Another learner's card is not found, and nothing of it changes.
    const owner = current.user;
    current.user = await signUp();
    expect((await answerReview({ cardId: second.id, showingId: crypto.randomUUID(), choices: ["AAAAAAAAAAAAAAAA"] }))).toEqual({ ok: false, message: "找不到这道复习题，请刷新页面。" });
    current.user = owner;

    const next = await answer(second.id, true);
    expect(next.result).toMatchObject({ ok: true, correct: true, suggested: 3 });
    expect(await rateReview({ cardId: second.id, showingId: next.showing.showingId, rating: 3 })).toEqual({ ok: true, message: "已评为「良好」。今天的复习完成了！" });
    expect(await reviewSummary(current.user.id)).toMatchObject({ due: 0, streak: 1, finishedToday: true });
  });

  it("brings cards back on the days FSRS schedules and retires a retained one (moved clock)", async () => {
    current.user = await signUp();
    const user = current.user;
    await quizWithMisses(1);
    const [card] = await todaysCards(user.id);
    const start = new Date();
    const seen: number[] = [];
    let now = start;
    for (let i = 0; i < 3; i++) {
      const showing = crypto.randomUUID();
      expect(await recordAnswer(user.id, card.id, showing, true, now)).toBeNull();
      const rated = await recordRating(user.id, card.id, showing, 3, now);
      if (!rated.ok) throw new Error(rated.reason);
      seen.push(Math.round((rated.due.getTime() - now.getTime()) / DAY));
      // The day before it is due it is not in the session; on its day it is.
      expect(await todaysCards(user.id, new Date(rated.due.getTime() - DAY))).toHaveLength(0);
      if (!rated.retained) expect((await todaysCards(user.id, rated.due)).map((c) => c.id)).toEqual([card.id]);
      expect(await recordAnswer(user.id, card.id, crypto.randomUUID(), true, new Date(rated.due.getTime() - DAY))).toBe(rated.retained ? "retired" : "not-due");
      now = rated.due;
    }
    expect(seen).toEqual([3, 14, 57]);
    expect((await db.reviewCard.findUniqueOrThrow({ where: { id: card.id } })).retiredAt).not.toBeNull();
    const logs = await db.reviewLog.findMany({ where: { cardId: card.id }, orderBy: { reviewedAt: "asc" } });
    expect(logs.map((l) => Math.round(l.elapsedDays))).toEqual([0, 3, 14]);
    // Missed again in a quiz: back in the book as a new card.
    await quizWithMisses(1);
    expect(await db.reviewCard.findUniqueOrThrow({ where: { id: card.id } })).toMatchObject({ retiredAt: null, state: 0, reps: 0 });
  });

  it("shows the session again on the scheduled day when the stored clock moves", async () => {
    current.user = await signUp();
    await quizWithMisses(3);
    for (const card of await todaysCards(current.user.id)) {
      const { showing } = await answer(card.id, true);
      expect(await rateReview({ cardId: card.id, showingId: showing.showingId, rating: 3 })).toMatchObject({ ok: true });
    }
    expect((await reviewSummary(current.user.id)).due).toBe(0);
    await age(current.user.id, 2);
    expect((await reviewSummary(current.user.id)).due).toBe(0);
    await age(current.user.id, 1);
    expect((await reviewSummary(current.user.id)).due).toBe(3);
  });
});

describe("the review sweep", () => {
  async function part1Attempt(userId: string) {
    const content = readAssessment().content!;
    const started = await startAttempt(userId, content);
    if (!started.ok) throw new Error(started.reason);
    const attempt = (await loadAttempt(userId, started.attemptId))!;
    const shown = publicPaper(attempt.paper, attemptTokens(attempt));
    // Two questions answered wrongly, the rest right.
    const items = attempt.paper.part1.map(({ question }, i) => ({
      itemKey: part1Key(question.id),
      value: attemptTokens(attempt).encode(part1Key(question.id), i < 2 ? question.options.map((o) => o.id).filter((id) => !question.answer.includes(id)).slice(0, 1) : question.answer),
    }));
    expect(shown.part1.length).toBe(items.length);
    expect(await saveAnswers(userId, attempt.id, items)).toMatchObject({ ok: true });
    await submitAttempt(userId, attempt.id);
    return { attemptId: attempt.id, missed: attempt.paper.part1.slice(0, 2).map(({ question }) => `part1:${question.id}`) };
  }

  it("imports wrong part-1 answers only once the attempt's review is open, once", async () => {
    policy.part1 = "afterRelease";
    const user = await signUp();
    const { attemptId, missed } = await part1Attempt(user.id);
    await importPart1Misses();
    expect(await db.reviewCard.count({ where: { userId: user.id } })).toBe(0);
    await db.assessmentAttempt.update({ where: { id: attemptId }, data: { status: "released", outcome: "failed", finalScore: 50, releasedAt: new Date() } });
    await importPart1Misses();
    await importPart1Misses();
    const cards = await db.reviewCard.findMany({ where: { userId: user.id } });
    expect(cards.map((c) => c.questionKey).sort()).toEqual([...missed].sort());
    expect(cards.every((c) => c.origin === "part1_wrong" && c.lessonKey.includes("/"))).toBe(true);
  });

  it("keeps part-1 misses out while more attempts are left (afterLastAttempt)", async () => {
    const user = await signUp();
    await part1Attempt(user.id);
    await importPart1Misses();
    expect(await db.reviewCard.count({ where: { userId: user.id } })).toBe(0);
  });

  it("writes one review notice a day, and none beside another notice of the day", async () => {
    current.user = await signUp();
    const first = current.user.id;
    await quizWithMisses(2);
    current.user = await signUp();
    const second = current.user.id;
    await quizWithMisses(1);
    const { beijingDay } = await import("@/lib/assignments/status");
    await db.notice.create({ data: { userId: second, day: beijingDay(new Date()), kind: "overdue", message: "学习任务已逾期" } });
    await remindDueReviews();
    await remindDueReviews();
    expect(await db.notice.findMany({ where: { userId: first }, select: { kind: true, message: true } })).toEqual([{ kind: "review_due", message: expect.stringContaining("今天有 2 道错题") }]);
    expect(await db.notice.findMany({ where: { userId: second }, select: { kind: true } })).toEqual([{ kind: "overdue" }]);
    // The next day: one more.
    await remindDueReviews(new Date(Date.now() + DAY));
    expect(await db.notice.count({ where: { userId: first, kind: "review_due" } })).toBe(2);
  });
});

describe("review analytics", () => {
  it("counts learners' reviews per module and question with retention by interval, in the page and the CSV", async () => {
    await db.reviewLog.deleteMany(); // only this test's reviews
    current.user = await signUp();
    const user = current.user;
    const { slug } = await quizWithMisses(1);
    const [card] = await todaysCards(user.id);
    const start = new Date();
    for (const [days, right] of [[0, true], [3, false], [4, true]] as const) {
      const at = new Date(start.getTime() + days * DAY);
      const showing = crypto.randomUUID();
      await recordAnswer(user.id, card.id, showing, right, at);
      await recordRating(user.id, card.id, showing, right ? 3 : 1, at);
    }
    // A trainer's own reviews are not counted.
    current.user = await signUp("trainer");
    await quizWithMisses(1);
    const [staffCard] = await todaysCards(current.user.id);
    const s = crypto.randomUUID();
    await recordAnswer(current.user.id, staffCard.id, s, true);
    await recordRating(current.user.id, staffCard.id, s, 3);

    const data = await reviewAnalytics(loadCourse());
    const mod = data.modules.find((m) => m.slug === slug)!;
    expect(mod.stats).toMatchObject({ reviews: 3, learners: 1, correct: 2 });
    expect(mod.stats.retention.d1).toEqual({ reviews: 2, correct: 1, rate: 0.5 }); // 3 days, then 1 day
    expect(mod.questions).toEqual([expect.objectContaining({ key: card.questionKey, source: "模块测验", stats: mod.stats })]);
    const csv = reviewCsv(data);
    expect(csv.startsWith("\uFEFF层级,模块,题目,来源,题干,复习次数")).toBe(true);
    expect(csv).toContain(`题目,${mod.title},${card.questionKey},模块测验`);
    expect(csv.split("\r\n").find((l) => l.startsWith(`模块,${mod.title}`))).toContain(",3,1,2,0.5,2,");
  });
});
