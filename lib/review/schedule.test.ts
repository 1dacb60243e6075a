import { describe, expect, it } from "vitest";
import { endOfReviewDay, newCardState, rateCard, RETAINED_STABILITY_DAYS, streakDays, suggestedRating, type CardState } from "@/lib/review/schedule";

// The scheduling rules with a moved clock: each step passes the instant the learner rates at.
const DAY = 86_400_000;
const at = (iso: string) => new Date(iso);
const later = (from: Date, days: number) => new Date(from.getTime() + days * DAY);

function run(start: Date, ratings: (1 | 2 | 3 | 4)[]) {
  let card: CardState = newCardState(start);
  let now = start;
  const steps = [];
  for (const rating of ratings) {
    const { next, retained } = rateCard(card, rating, now);
    steps.push({ at: now, due: next.due, days: Math.round((next.due.getTime() - now.getTime()) / DAY), stability: next.stability, retained });
    card = next;
    now = next.due; // the learner comes back on the day FSRS scheduled
  }
  return steps;
}

describe("spaced review schedule", () => {
  it("a new card is due at once, as a new card", () => {
    const now = at("2026-12-03T02:00:00Z");
    expect(newCardState(now)).toMatchObject({ due: now, state: 0, reps: 0, lastReview: null });
  });

  it("schedules good answers 3, 14 and 57 days apart and retires the card once its stability passes 30 days", () => {
    const steps = run(at("2026-12-03T02:00:00Z"), [3, 3, 3]);
    expect(steps.map((s) => s.days)).toEqual([3, 14, 57]);
    expect(steps.map((s) => s.retained)).toEqual([false, false, true]);
    expect(steps[1].stability).toBeLessThanOrEqual(RETAINED_STABILITY_DAYS);
    expect(steps[2].stability).toBeGreaterThan(RETAINED_STABILITY_DAYS);
    expect(steps[0].due.toISOString()).toBe("2026-12-06T02:00:00.000Z");
  });

  it("brings a forgotten card back the next day and never the same day", () => {
    const steps = run(at("2026-12-03T02:00:00Z"), [1, 1, 3]);
    expect(steps[0].days).toBe(1);
    expect(steps[1].days).toBe(1);
    for (const step of steps) expect(step.due.getTime()).toBeGreaterThanOrEqual(endOfReviewDay(step.at).getTime());
  });

  it("orders the intervals again < hard < good < easy from the same card", () => {
    const start = at("2026-12-03T02:00:00Z");
    const card = rateCard(newCardState(start), 3, start).next;
    const now = later(start, 3);
    const days = ([1, 2, 3, 4] as const).map((r) => rateCard(card, r, now).next.due.getTime());
    expect([...days].sort((a, b) => a - b)).toEqual(days);
    expect(new Set(days).size).toBe(4);
  });

  it("is the same for the same answers (no fuzz)", () => {
    const start = at("2026-12-03T02:00:00Z");
    expect(run(start, [3, 2, 4])).toEqual(run(start, [3, 2, 4]));
  });

  it("suggests 重来 for a wrong answer and 良好 for a right one", () => {
    expect(suggestedRating(false)).toBe(1);
    expect(suggestedRating(true)).toBe(3);
  });

  it("ends the review day at Beijing midnight", () => {
    expect(endOfReviewDay(at("2026-12-03T15:59:59Z")).toISOString()).toBe("2026-12-03T16:00:00.000Z");
    expect(endOfReviewDay(at("2026-12-03T16:00:00Z")).toISOString()).toBe("2026-12-04T16:00:00.000Z");
  });

  it("counts a streak of Beijing days, kept until today's session is due to end", () => {
    const days = ["2026-12-01", "2026-12-02", "2026-12-03"];
    expect(streakDays(days, at("2026-12-03T10:00:00Z"))).toBe(3); // 18:00 on the 3rd in Beijing
    expect(streakDays(days, at("2026-12-03T17:00:00Z"))).toBe(3); // 01:00 on the 4th: not done yet today
    expect(streakDays(days, at("2026-12-04T17:00:00Z"))).toBe(0); // the 5th: the 4th was missed
    expect(streakDays(["2026-12-01", "2026-12-03"], at("2026-12-03T10:00:00Z"))).toBe(1);
    expect(streakDays([], at("2026-12-03T10:00:00Z"))).toBe(0);
  });
});
