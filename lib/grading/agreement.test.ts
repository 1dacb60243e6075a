import { describe, expect, it } from "vitest";
import { agreementStats, icc11, type DoubleGradedAttempt } from "./agreement";

const COUNTS = { doubleGraded: 0, agreedAtOnce: 0, sentToModeration: 0, awaitingModeration: 0 };

// The hand-computed example (also used by tests/integration/grading-agreement.test.ts and
// tests/e2e/grading-agreement.spec.ts): 5 attempts, one criterion of maximum 10.
//   first  a = 8, 6, 9, 4, 7
//   second b = 7, 6, 8, 5, 5
// attempt means 7.5, 6, 8.5, 4.5, 6; grand mean 32.5 / 5 = 6.5
// Σ(mean_i − grand)² = 1 + 0.25 + 4 + 4 + 0.25 = 9.5 → MSB = 2 · 9.5 / (5 − 1) = 4.75
// within: Σ_j (x_ij − mean_i)² = (a − b)² / 2 = 0.5, 0, 0.5, 0.5, 2 → 3.5 → MSW = 3.5 / (5 · 1) = 0.7
// ICC(1,1) = (4.75 − 0.7) / (4.75 + 0.7) = 4.05 / 5.45 = 0.7431
// MAD = (1 + 0 + 1 + 1 + 2) / 5 = 1.0 point = 10% of the maximum
const HAND_EXAMPLE = { max: 10, a: [8, 6, 9, 4, 7], b: [7, 6, 8, 5, 5], icc: 0.7431, madPoints: 1, madPercent: 10 };

const oneCriterion = (i: number, a: number, b: number, graderA = "x", graderB = "y"): DoubleGradedAttempt => ({
  attemptId: `t${i}`,
  graderA,
  graderB,
  criteria: [{ key: "p3:c1", label: "定位清晰", part: 3, max: 10, a, b }],
});

describe("icc11", () => {
  it("matches the hand-computed example", () => {
    const ratings = HAND_EXAMPLE.a.map((a, i) => [a, HAND_EXAMPLE.b[i]] as const);
    expect(icc11(ratings)).toBeCloseTo(0.7431, 4);
  });

  it("is null below two attempts or with no variance at all, and 1 when the pair always agrees", () => {
    expect(icc11([])).toBeNull();
    expect(icc11([[5, 7]])).toBeNull();
    expect(icc11([[6, 6], [6, 6], [6, 6]])).toBeNull();
    expect(icc11([[2, 2], [6, 6], [9, 9]])).toBe(1);
  });

  it("goes negative when the pair disagree more than attempts differ", () => {
    // means 5, 5 → MSB = 0; MSW = (9 + 9 + 9 + 9) / 2 = 18 → ICC = −18 / 18 = −1
    expect(icc11([[2, 8], [8, 2]])).toBe(-1);
  });
});

describe("agreementStats", () => {
  it("gives the hand-computed per-criterion figures with their n", () => {
    const attempts = HAND_EXAMPLE.a.map((a, i) => oneCriterion(i, a, HAND_EXAMPLE.b[i]));
    const counts = { doubleGraded: 5, agreedAtOnce: 3, sentToModeration: 2, awaitingModeration: 1 };
    const stats = agreementStats(attempts, counts);
    expect(stats.counts).toEqual(counts);
    expect(stats.criteria).toHaveLength(1);
    const [c] = stats.criteria;
    expect(c).toMatchObject({ key: "p3:c1", label: "定位清晰", part: 3, max: 10, n: 5 });
    expect(c.icc).toBeCloseTo(0.7431, 4);
    expect(c.madPoints).toBeCloseTo(1, 9);
    expect(c.madPercent).toBeCloseTo(10, 9);
  });

  it("gives per-pair agreement and per-grader leniency on rubric totals in percent", () => {
    // Two criteria, maxima 10 and 30: the rubric maximum is 40.
    const attempt = (id: string, graderA: string, graderB: string, a: [number, number], b: [number, number]): DoubleGradedAttempt => ({
      attemptId: id,
      graderA,
      graderB,
      criteria: [
        { key: "p2:c1", label: "问题诊断", part: 2, max: 10, a: a[0], b: b[0] },
        { key: "p3:c2", label: "方案可行", part: 3, max: 30, a: a[1], b: b[1] },
      ],
    });
    const stats = agreementStats(
      [
        attempt("t1", "X", "Y", [8, 24], [6, 20]), // X 32/40 = 80%, Y 26/40 = 65%: X − Y = +15
        attempt("t2", "Y", "X", [9, 27], [10, 28]), // Y 36/40 = 90%, X 38/40 = 95%: X − Y = +5
        attempt("t3", "X", "Z", [5, 15], [5, 19]), // X 20/40 = 50%, Z 24/40 = 60%: X − Z = −10
      ],
      COUNTS,
    );
    // Pair {X, Y}: totals (80, 65), (95, 90); MAD = (15 + 5) / 2 = 10 points of percent.
    // means 72.5, 92.5; grand 82.5; Σ(mean − grand)² = 100 + 100 = 200 → MSB = 2 · 200 / 1 = 400
    // within (d² / 2): 112.5 + 12.5 = 125 → MSW = 125 / 2 = 62.5
    // ICC = (400 − 62.5) / (400 + 62.5) = 337.5 / 462.5 = 0.7297
    const xy = stats.pairs.find((p) => p.graders.join() === "X,Y")!;
    expect(xy.n).toBe(2);
    expect(xy.icc).toBeCloseTo(0.7297, 4);
    expect(xy.madPercent).toBeCloseTo(10, 9);
    // Pair {X, Z}: one attempt, no ICC; |50 − 60| = 10.
    const xz = stats.pairs.find((p) => p.graders.join() === "X,Z")!;
    expect(xz).toMatchObject({ n: 1, icc: null });
    expect(xz.madPercent).toBeCloseTo(10, 9);
    // Leniency: X (15 + 5 − 10) / 3 = 3.3333; Y (−15 − 5) / 2 = −10; Z +10 / 1. Most lenient first.
    expect(stats.graders.map((g) => [g.grader, g.n])).toEqual([["Z", 1], ["X", 3], ["Y", 2]]);
    expect(stats.graders[0].leniency).toBeCloseTo(10, 9);
    expect(stats.graders[1].leniency).toBeCloseTo(10 / 3, 9);
    expect(stats.graders[2].leniency).toBeCloseTo(-10, 9);
    // Per criterion, part 2 first; p2:c1 pairs (8, 6), (9, 10), (5, 5): MAD (2 + 1 + 0) / 3 = 1.
    expect(stats.criteria.map((c) => [c.key, c.n])).toEqual([["p2:c1", 3], ["p3:c2", 3]]);
    expect(stats.criteria[0].madPoints).toBeCloseTo(1, 9);
    expect(stats.criteria[0].madPercent).toBeCloseTo(10, 9);
  });

  it("handles one attempt and identical scores without dividing by zero", () => {
    const single = agreementStats([oneCriterion(0, 7, 5)], COUNTS);
    expect(single.criteria[0]).toMatchObject({ n: 1, icc: null, madPoints: 2, madPercent: 20 });
    expect(single.pairs[0]).toMatchObject({ n: 1, icc: null, madPercent: 20 });
    expect(single.graders).toEqual([{ grader: "x", n: 1, leniency: 20 }, { grader: "y", n: 1, leniency: -20 }]);

    const same = agreementStats([oneCriterion(0, 6, 6), oneCriterion(1, 6, 6)], COUNTS);
    expect(same.criteria[0]).toMatchObject({ n: 2, icc: null, madPoints: 0, madPercent: 0 });
    expect(same.pairs[0]).toMatchObject({ n: 2, icc: null, madPercent: 0 });
    expect(same.graders.map((g) => g.leniency)).toEqual([0, 0]);
  });

  it("is empty without double-graded attempts", () => {
    expect(agreementStats([], COUNTS)).toEqual({ counts: COUNTS, criteria: [], pairs: [], graders: [] });
  });
});
