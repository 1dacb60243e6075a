import { describe, expect, it } from "vitest";
import { allocate } from "./plan";
import { makeId, rngFor } from "./random";

describe("allocate (spreading the attempt budget over finished modules)", () => {
  const weights = Array.from({ length: 200 }, (_, i) => (i < 100 ? 3 : 0.5));
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

  it("places exactly the budget: a subset when it is small, one each plus retakes when large", () => {
    const small = allocate(rngFor("t", 1), weights, 120);
    expect(sum(small)).toBe(120);
    expect(Math.max(...small)).toBe(1);
    const large = allocate(rngFor("t", 2), weights, 700);
    expect(sum(large)).toBe(700);
    expect(Math.min(...large)).toBe(1);
  });

  it("gives more retakes to heavier (weaker-learner) slots", () => {
    const counts = allocate(rngFor("t", 3), weights, 500);
    expect(sum(counts.slice(0, 100))).toBeGreaterThan(sum(counts.slice(100)));
  });

  it("handles no slots and no budget", () => {
    expect(allocate(rngFor("t", 4), [], 10)).toEqual([]);
    expect(allocate(rngFor("t", 5), [1, 1], 0)).toEqual([0, 0]);
  });
});

describe("seeded streams", () => {
  it("replay from their name and do not repeat each other", () => {
    expect(makeId(rngFor("s", 1))).toBe(makeId(rngFor("s", 1)));
    const ids = new Set(Array.from({ length: 20_000 }, (_, i) => makeId(rngFor("s", i))));
    expect(ids.size).toBe(20_000);
  });
});
