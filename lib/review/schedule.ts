import { createEmptyCard, fsrs, generatorParameters, type Card, type Grade } from "ts-fsrs";
import { beijingDay, startOfBeijingDay } from "@/lib/assignments/status";

// The scheduling rules of the spaced review (decision 038), pure: ts-fsrs decides the next due
// date from the learner's rating; these rules say what a "day", a "session", "retained" and a
// "streak" are. Every function takes `now`, so tests move the clock by passing another date.

const DAY_MS = 86_400_000;

/** A card whose stability passes this many days is retained and leaves the book. */
export const RETAINED_STABILITY_DAYS = 30;

// No fuzz (the same answers give the same days, which the learner and the tests can follow) and
// no short-term steps (each rating moves a card to a later day: one session a day, never a loop).
const scheduler = fsrs(generatorParameters({ enable_fuzz: false, enable_short_term: false }));

export const RATINGS = [1, 2, 3, 4] as const;
export type ReviewRating = Grade;
export const RATING_LABELS: Record<number, string> = { 1: "重来", 2: "困难", 3: "良好", 4: "简单" };

/** The FSRS fields a card row stores. */
export type CardState = {
  due: Date;
  stability: number;
  difficulty: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: number;
  lastReview: Date | null;
};

/** A question entering the book: new, due at once. */
export function newCardState(now: Date): CardState {
  return fromFsrs(createEmptyCard(now));
}

/** The rating offered first: a wrong answer is 重来 (again), a right one 良好 (good); the learner may choose another. */
export const suggestedRating = (correct: boolean): ReviewRating => (correct ? 3 : 1);

/** The card after a rating at `now`, and whether it is now retained. */
export function rateCard(card: CardState, rating: ReviewRating, now: Date): { next: CardState; retained: boolean } {
  const { card: next } = scheduler.next(toFsrs(card), now, rating);
  return { next: fromFsrs(next), retained: next.stability > RETAINED_STABILITY_DAYS };
}

/** Today's session holds every card due before the next Beijing day begins. */
export function endOfReviewDay(now: Date): Date {
  return new Date(startOfBeijingDay(beijingDay(now)).getTime() + DAY_MS);
}

/** Days (fractional) between two instants: a review's interval since the card's previous review. */
export const elapsedDays = (from: Date, to: Date): number => Math.max(0, (to.getTime() - from.getTime()) / DAY_MS);

/**
 * Days in a row with a finished session, ending today, or yesterday while today's session is
 * still to do (the streak is not broken before the day is over).
 */
export function streakDays(finishedDays: Iterable<string>, now: Date): number {
  const days = new Set(finishedDays);
  const today = beijingDay(now);
  let cursor = Date.parse(today);
  if (!days.has(today)) cursor -= DAY_MS;
  let streak = 0;
  while (days.has(new Date(cursor).toISOString().slice(0, 10))) {
    streak += 1;
    cursor -= DAY_MS;
  }
  return streak;
}

function toFsrs(card: CardState): Card {
  return {
    due: card.due,
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: 0,
    scheduled_days: card.scheduledDays,
    learning_steps: card.learningSteps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    last_review: card.lastReview ?? undefined,
  };
}

function fromFsrs(card: Card): CardState {
  return {
    due: card.due,
    stability: card.stability,
    difficulty: card.difficulty,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    lastReview: card.last_review ?? null,
  };
}
