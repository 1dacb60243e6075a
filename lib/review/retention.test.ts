import { describe, expect, it } from "vitest";
import { bucketOf, reviewStats, statsBy, type ReviewFact } from "@/lib/review/retention";

const fact = (elapsedDays: number, correct: boolean, userId = "u1", questionKey = "quiz:m:q1"): ReviewFact => ({ elapsedDays, correct, userId, questionKey, moduleSlug: "m" });

describe("review retention", () => {
  it("buckets intervals by whole days at their edges", () => {
    expect([0.49, 0.5, 3.49, 3.5, 14.49, 14.5, 60.49, 60.5].map(bucketOf)).toEqual([null, "d1", "d1", "d7", "d7", "d30", "d30", null]);
  });

  it("is the share of reviews in a bucket answered correctly; same-day reviews count as reviews only", () => {
    const stats = reviewStats([fact(0, false), fact(1, true), fact(3, false), fact(3, true, "u2"), fact(7, true), fact(30, false)]);
    expect(stats).toMatchObject({ reviews: 6, learners: 2, correct: 3 });
    expect(stats.retention.d1).toEqual({ reviews: 3, correct: 2, rate: 2 / 3 });
    expect(stats.retention.d7).toEqual({ reviews: 1, correct: 1, rate: 1 });
    expect(stats.retention.d30).toEqual({ reviews: 1, correct: 0, rate: 0 });
    expect(reviewStats([]).retention.d1.rate).toBeNull();
  });

  it("groups by question", () => {
    const groups = statsBy([fact(1, true, "u1", "a"), fact(1, false, "u1", "b"), fact(2, true, "u2", "a")], (f) => f.questionKey);
    expect([...groups.keys()]).toEqual(["a", "b"]);
    expect(groups.get("a")!.retention.d1.rate).toBe(1);
  });
});
