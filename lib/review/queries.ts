import "server-only";
import { beijingDay } from "@/lib/assignments/status";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { quizQuestionKey } from "@/lib/review/questions";
import { elapsedDays, endOfReviewDay, newCardState, rateCard, streakDays, type CardState, type ReviewRating } from "@/lib/review/schedule";

// The 错题本's cards and their reviews. Every read and write names the learner: a card id of
// someone else finds nothing.

type Tx = Prisma.TransactionClient;
export type BookEntry = { questionKey: string; moduleSlug: string; lessonKey: string; origin: "quiz_wrong" | "part1_wrong" | "added" };
export type CardRow = CardState & {
  id: string;
  questionKey: string;
  moduleSlug: string;
  lessonKey: string;
  origin: string;
  addedAt: Date;
  retiredAt: Date | null;
  answeredShowing: string | null;
  answeredCorrect: boolean | null;
};

/**
 * Puts questions into the learner's book: new ones as new cards, due at once; a question retained
 * earlier (retired) comes back as a new card; one already in the book keeps its schedule.
 */
export async function addCards(tx: Tx, userId: string, entries: readonly BookEntry[], now: Date): Promise<number> {
  if (!entries.length) return 0;
  const unique = [...new Map(entries.map((e) => [e.questionKey, e])).values()];
  const keys = unique.map((e) => e.questionKey);
  const existing = await tx.reviewCard.findMany({ where: { userId, questionKey: { in: keys } }, select: { questionKey: true, retiredAt: true } });
  const known = new Map(existing.map((c) => [c.questionKey, c.retiredAt]));
  const fresh = newCardState(now);
  const create = unique.filter((e) => !known.has(e.questionKey));
  if (create.length) await tx.reviewCard.createMany({ data: create.map((e) => ({ userId, ...e, ...fresh, addedAt: now })) });
  const revived = keys.filter((k) => known.get(k));
  if (revived.length) {
    await tx.reviewCard.updateMany({
      where: { userId, questionKey: { in: revived }, retiredAt: { not: null } },
      data: { ...fresh, addedAt: now, retiredAt: null, answeredShowing: null, answeredCorrect: null, answeredAt: null },
    });
  }
  return create.length + revived.length;
}

/** A module quiz's wrong answers into the book, in the quiz attempt's transaction (lib/quiz/queries.ts). */
export function addMissedQuizQuestions(tx: Tx, userId: string, moduleSlug: string, review: readonly { id: string; lesson: string; correct: boolean }[], now: Date) {
  const entries = review
    .filter((item) => !item.correct)
    .map((item): BookEntry => ({ questionKey: quizQuestionKey(moduleSlug, item.id), moduleSlug, lessonKey: `${moduleSlug}/${item.lesson}`, origin: "quiz_wrong" }));
  return addCards(tx, userId, entries, now);
}

/** The learner's 加入错题本: false when the question was already in the book. */
export async function addToBook(userId: string, entry: BookEntry, now = new Date()): Promise<boolean> {
  return (await db.$transaction((tx) => addCards(tx, userId, [entry], now))) > 0;
}

const CARD_SELECT = {
  id: true, questionKey: true, moduleSlug: true, lessonKey: true, origin: true, addedAt: true, retiredAt: true,
  answeredShowing: true, answeredCorrect: true, due: true, stability: true, difficulty: true, scheduledDays: true,
  learningSteps: true, reps: true, lapses: true, state: true, lastReview: true,
} as const;

/** Today's session: an answer waiting for its rating first, then the cards due today, earliest first. */
export async function todaysCards(userId: string, now = new Date()): Promise<CardRow[]> {
  const rows = await db.reviewCard.findMany({ where: { userId, retiredAt: null, due: { lt: endOfReviewDay(now) } }, select: CARD_SELECT, orderBy: [{ due: "asc" }, { id: "asc" }] });
  return [...rows.filter((r) => r.answeredShowing), ...rows.filter((r) => !r.answeredShowing)];
}

export async function bookCards(userId: string): Promise<CardRow[]> {
  return db.reviewCard.findMany({ where: { userId }, select: CARD_SELECT, orderBy: [{ moduleSlug: "asc" }, { addedAt: "asc" }, { id: "asc" }] });
}

export async function bookKeys(userId: string, keys: readonly string[]): Promise<Set<string>> {
  const rows = await db.reviewCard.findMany({ where: { userId, questionKey: { in: [...keys] }, retiredAt: null }, select: { questionKey: true } });
  return new Set(rows.map((r) => r.questionKey));
}

/** The home page's line: cards due today and the streak. */
export async function reviewSummary(userId: string, now = new Date()): Promise<{ due: number; streak: number; finishedToday: boolean }> {
  const [due, days] = await Promise.all([
    db.reviewCard.count({ where: { userId, retiredAt: null, due: { lt: endOfReviewDay(now) } } }),
    db.reviewDay.findMany({ where: { userId }, select: { day: true }, orderBy: { day: "desc" }, take: 400 }),
  ]);
  return { due, streak: streakDays(days.map((d) => d.day), now), finishedToday: days.some((d) => d.day === beijingDay(now)) };
}

export async function findCard(userId: string, cardId: string): Promise<CardRow | null> {
  return db.reviewCard.findFirst({ where: { id: cardId, userId }, select: CARD_SELECT });
}

export type AnswerRefusal = "not-found" | "retired" | "not-due" | "replayed" | "awaiting-rating";

/** Stores an answer to one showing of a card, to be rated next; only one answer per showing and card. */
export async function recordAnswer(userId: string, cardId: string, showingId: string, correct: boolean, now = new Date()): Promise<AnswerRefusal | null> {
  const card = await findCard(userId, cardId);
  if (!card) return "not-found";
  if (card.retiredAt) return "retired";
  if (card.answeredShowing === showingId || (await db.reviewLog.findUnique({ where: { showingId }, select: { id: true } }))) return "replayed";
  if (card.answeredShowing) return "awaiting-rating";
  if (card.due >= endOfReviewDay(now)) return "not-due";
  const updated = await db.reviewCard.updateMany({
    where: { id: cardId, userId, answeredShowing: null, retiredAt: null },
    data: { answeredShowing: showingId, answeredCorrect: correct, answeredAt: now },
  });
  return updated.count === 1 ? null : "replayed";
}

export type RatingRefusal = "not-found" | "not-answered";
export type RatingResult = { ok: true; retained: boolean; due: Date; sessionDone: boolean } | { ok: false; reason: RatingRefusal };

/**
 * The learner's rating of the answer just given: FSRS schedules the card, the review is logged,
 * and when no card is left for today the day counts for the streak. One transaction; the
 * conditional update lets one rating per answer through.
 */
export async function recordRating(userId: string, cardId: string, showingId: string, rating: ReviewRating, now = new Date()): Promise<RatingResult> {
  const card = await findCard(userId, cardId);
  if (!card) return { ok: false, reason: "not-found" };
  if (card.answeredShowing !== showingId || card.answeredCorrect === null) return { ok: false, reason: "not-answered" };
  const { next, retained } = rateCard(card, rating, now);
  return db.$transaction(async (tx): Promise<RatingResult> => {
    const updated = await tx.reviewCard.updateMany({
      where: { id: cardId, userId, answeredShowing: showingId },
      data: { ...next, retiredAt: retained ? now : null, answeredShowing: null, answeredCorrect: null, answeredAt: null },
    });
    if (updated.count !== 1) return { ok: false, reason: "not-answered" };
    await tx.reviewLog.create({
      data: {
        cardId, userId, questionKey: card.questionKey, moduleSlug: card.moduleSlug, showingId, correct: card.answeredCorrect!, rating,
        elapsedDays: elapsedDays(card.lastReview ?? card.addedAt, now), stateBefore: card.state, reviewedAt: now,
      },
    });
    const left = await tx.reviewCard.count({ where: { userId, retiredAt: null, due: { lt: endOfReviewDay(now) } } });
    if (left === 0) {
      const day = beijingDay(now);
      await tx.reviewDay.upsert({ where: { userId_day: { userId, day } }, create: { userId, day, finishedAt: now }, update: {} });
    }
    return { ok: true, retained, due: next.due, sessionDone: left === 0 };
  });
}
