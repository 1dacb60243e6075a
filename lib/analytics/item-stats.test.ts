import { describe, expect, it } from "vitest";
import { analyzeItems, flagsOf, ItemStatsAccumulator, type Respondent } from "@/lib/analytics/item-stats";
import { assessmentConfigSchema, DEFAULT_MIN_RESPONSES } from "@/lib/content/question-schema";

// The statistics tests below flag from the first response; the minimum has its own tests at the end.
const EVERY = { minResponses: 1 };

/*
 * Hand-computed example: six respondents, three items (q1 single choice a–d, key a).
 *
 *   respondent  total  q1 (chosen)  q2  q3
 *   A           90     ✓ (a)        ✓   ✗
 *   B           70     ✓ (a)        ✓   ✗
 *   C           70     ✗ (b)        ✓   ✓
 *   D           70     ✓ (a)        ✓   ✗
 *   E           50     ✗ (b)        ✓   ✓
 *   F           30     ✗ (none)     ✓   ✓
 *
 * Groups: n = 6, k = round(0.27 · 6) = round(1.62) = 2.
 *   Upper: A (90) is in; the second place is shared by B, C, D (70), each weighted (2 − 1) / 3 = 1/3.
 *   Lower: F (30) and E (50), no tie at the boundary.
 *
 * q1: facility 3/6 = 0.5
 *     p_upper = (1 + (1 + 0 + 1)/3) / 2 = (5/3)/2 = 5/6;  p_lower = (0 + 0)/2 = 0;  D = 5/6
 *     point-biserial: mean 380/6; mean correct (90+70+70)/3 = 230/3; mean wrong (70+50+30)/3 = 50;
 *       squared deviations sum to 6400/3, so SD = sqrt(6400/18) = 80/(3√2);
 *       r = ((230/3 − 50) / (80/(3√2))) · sqrt(0.5 · 0.5) = √2 · 0.5 = 1/√2 ≈ 0.7071
 *     options: a 3 (0.5), b 2 (1/3), c 0, d 0; blank 1
 * q2: facility 6/6 = 1 → too_easy; p_upper = p_lower = 1, D = 0 → low_discrimination;
 *     point-biserial undefined (correctness has no variance) → null
 * q3: facility 3/6 = 0.5; p_upper = (0 + (0 + 1 + 0)/3)/2 = 1/6; p_lower = (1 + 1)/2 = 1;
 *     D = 1/6 − 1 = −5/6 → low_discrimination; r = −1/√2 (q3 is q1's mirror in totals)
 */
const rows: [string, number, boolean, string[], boolean][] = [
  ["A", 90, true, ["a"], false],
  ["B", 70, true, ["a"], false],
  ["C", 70, false, ["b"], true],
  ["D", 70, true, ["a"], false],
  ["E", 50, false, ["b"], true],
  ["F", 30, false, [], true],
];
const example: Respondent[] = rows.map(([, total, q1, chosen, q3]) => ({
  total,
  responses: [
    { itemId: "q1", correct: q1, chosen },
    { itemId: "q2", correct: true, chosen: ["a"] },
    { itemId: "q3", correct: q3, chosen: [q3 ? "c" : "d"] },
  ],
}));

const byId = (respondents: Respondent[], options: Record<string, string[]> = {}) =>
  Object.fromEntries(analyzeItems(respondents, options, EVERY).map((s) => [s.itemId, s]));

describe("item statistics of the hand-computed example", () => {
  const stats = byId(example, { q1: ["a", "b", "c", "d"] });

  it("q1: facility, groups split across a tie, point-biserial, options", () => {
    const q1 = stats.q1;
    expect(q1.n).toBe(6);
    expect(q1.facility).toBe(0.5);
    expect(q1.groupSize).toBe(2);
    expect(q1.pUpper).toBeCloseTo(5 / 6, 9);
    expect(q1.pLower).toBe(0);
    expect(q1.discrimination).toBeCloseTo(5 / 6, 9);
    expect(q1.pointBiserial).toBeCloseTo(1 / Math.SQRT2, 9);
    expect(q1.options).toEqual([
      { id: "a", count: 3, share: 0.5 },
      { id: "b", count: 2, share: expect.closeTo(1 / 3, 9) },
      { id: "c", count: 0, share: 0 },
      { id: "d", count: 0, share: 0 },
    ]);
    expect(q1.blank).toBe(1);
    expect(q1.flags).toEqual([]);
  });

  it("q2: everyone right is too easy, does not discriminate, has no correlation", () => {
    expect(stats.q2).toMatchObject({ facility: 1, pUpper: 1, pLower: 1, discrimination: 0, pointBiserial: null });
    expect(stats.q2.flags).toEqual(["too_easy", "low_discrimination"]);
  });

  it("q3: negative discrimination is flagged", () => {
    expect(stats.q3.discrimination).toBeCloseTo(-5 / 6, 9);
    expect(stats.q3.pointBiserial).toBeCloseTo(-1 / Math.SQRT2, 9);
    expect(stats.q3.flags).toEqual(["low_discrimination"]);
  });

  it("does not depend on the order of respondents, nor on which tied respondent got it right", () => {
    const reversed = byId([...example].reverse(), { q1: ["a", "b", "c", "d"] });
    expect(reversed).toEqual(stats);
    // Move q1's wrong answer among the tied 70s from C to B: the upper group's share is unchanged.
    const swapped = example.map((r, i) => ({
      ...r,
      responses: r.responses.map((x) => (x.itemId === "q1" && (i === 1 || i === 2) ? { ...x, correct: i === 2 } : x)),
    }));
    expect(byId(swapped).q1.pUpper).toBeCloseTo(5 / 6, 9);
  });

  it("lists chosen options missing from the bank after the bank's own, and counts a multiple choice once per option", () => {
    const acc = new ItemStatsAccumulator();
    acc.add(50, { itemId: "m", correct: false, chosen: ["z", "b", "b"] });
    expect(acc.stats("m", ["a", "b"]).options).toEqual([
      { id: "a", count: 0, share: 0 },
      { id: "b", count: 1, share: 1 },
      { id: "z", count: 1, share: 1 },
    ]);
  });
});

describe("ties and tiny groups", () => {
  const one = (total: number, correct: boolean): Respondent => ({ total, responses: [{ itemId: "q", correct, chosen: ["a"] }] });

  it("no respondents: nothing to compute, nothing flagged", () => {
    const acc = new ItemStatsAccumulator();
    expect(acc.stats("unseen", ["a", "b", "c"])).toMatchObject({ n: 0, facility: null, discrimination: null, pointBiserial: null, blank: 0, flags: [] });
  });

  it("one respondent: facility only", () => {
    const [q] = analyzeItems([one(80, true)], {}, EVERY);
    expect(q).toMatchObject({ n: 1, facility: 1, groupSize: 0, discrimination: null, pointBiserial: null, flags: ["too_easy"] });
  });

  it("two respondents: groups of one each (k = round(0.54) = 1)", () => {
    // 80 right, 40 wrong: D = 1 − 0 = 1; r = ((80 − 40) / 20) · 0.5 = 1 (SD of {80, 40} is 20).
    const [q] = analyzeItems([one(80, true), one(40, false)]);
    expect(q).toMatchObject({ groupSize: 1, pUpper: 1, pLower: 0, discrimination: 1, pointBiserial: 1 });
  });

  it("two respondents with the same total share both groups: D = 0, r undefined", () => {
    // Tie at 60: each is half of the upper and half of the lower group, p_upper = p_lower = 0.5.
    const [q] = analyzeItems([one(60, true), one(60, false)], {}, EVERY);
    expect(q).toMatchObject({ pUpper: 0.5, pLower: 0.5, discrimination: 0, pointBiserial: null, flags: ["low_discrimination"] });
  });

  it("items a respondent was not given do not count for that item", () => {
    const stats = byId([
      { total: 90, responses: [{ itemId: "x", correct: true, chosen: ["a"] }] },
      { total: 10, responses: [{ itemId: "y", correct: false, chosen: ["b"] }] },
    ]);
    expect(stats.x.n).toBe(1);
    expect(stats.y).toMatchObject({ n: 1, facility: 0, flags: ["too_hard"] });
  });

  it("twenty respondents: k = round(5.4) = 5, D = 2/5 − 1/5 = 0.2 exactly is not flagged", () => {
    // Totals 100, 95, …, 5. Upper five (100–80): the top two right. Lower five (5–25): the
    // lowest one right. The middle ten: 8 of 10 right, so facility = (2 + 1 + 8)/20 = 0.55.
    const respondents = Array.from({ length: 20 }, (_, i) => one(100 - 5 * i, i < 2 || i === 19 || (i >= 5 && i < 13)));
    const [q] = analyzeItems(respondents);
    expect(q).toMatchObject({ groupSize: 5, pUpper: 0.4, pLower: 0.2, discrimination: 0.2, facility: 0.55, flags: [] });
  });
});

describe("flags at the thresholds", () => {
  it.each([
    [0.9, 0.5, []],
    [0.91, 0.5, ["too_easy"]],
    [0.2, 0.5, []],
    [0.19, 0.5, ["too_hard"]],
    [0.5, 0.2, []],
    [0.5, 0.19, ["low_discrimination"]],
    [0.95, null, ["too_easy"]],
  ] as const)("facility %s, discrimination %s → %j", (facility, discrimination, flags) => {
    expect(flagsOf(facility, discrimination)).toEqual(flags);
  });
});

describe("weighted responses (counted groups from the database)", () => {
  it("a weight stands for that many identical rows: every statistic is the same", () => {
    // The hand-computed example plus a larger spread with ties, every row repeated a varying number of times.
    const spread: Respondent[] = Array.from({ length: 40 }, (_, i) => ({
      total: [95, 80, 80, 65, 50, 50, 50, 35, 20, 10][i % 10],
      responses: [
        { itemId: "w1", correct: i % 3 !== 0, chosen: i % 3 === 0 ? ["b", "d"] : ["a"] },
        { itemId: "w2", correct: i % 4 === 1, chosen: i % 7 === 0 ? [] : ["c"] },
      ],
    }));
    const respondents = [...example, ...spread];
    const times = (i: number) => 1 + (i % 4);

    const repeated = new ItemStatsAccumulator();
    const weighted = new ItemStatsAccumulator();
    respondents.forEach((r, i) => {
      for (let k = 0; k < times(i); k++) repeated.addRespondent(r);
      for (const response of r.responses) weighted.add(r.total, response, times(i));
    });
    const options = ["a", "b", "c", "d"];
    expect(weighted.itemIds().sort()).toEqual(repeated.itemIds().sort());
    for (const id of repeated.itemIds()) expect(weighted.stats(id, options)).toEqual(repeated.stats(id, options));
  });

  it("weights merge like rows: 2 + 1 of the same response is 3 of it", () => {
    const merged = new ItemStatsAccumulator();
    merged.add(70, { itemId: "q", correct: true, chosen: ["a"] }, 2);
    merged.add(70, { itemId: "q", correct: true, chosen: ["a"] }, 1);
    merged.add(30, { itemId: "q", correct: false, chosen: [] }, 3);
    const single = new ItemStatsAccumulator();
    single.add(70, { itemId: "q", correct: true, chosen: ["a"] }, 3);
    single.add(30, { itemId: "q", correct: false, chosen: [] }, 3);
    expect(merged.stats("q", ["a", "b"])).toEqual(single.stats("q", ["a", "b"]));
    expect(single.stats("q", ["a", "b"])).toMatchObject({ n: 6, facility: 0.5, blank: 3, groupSize: 2, pUpper: 1, pLower: 0, discrimination: 1, pointBiserial: 1 });
  });
});

describe("no flag before the minimum number of responses", () => {
  const everyoneRight = (n: number): Respondent[] =>
    Array.from({ length: n }, (_, i) => ({ total: 40 + i, responses: [{ itemId: "q", correct: true, chosen: ["a"] }] }));

  it("the default is 20: 19 unanimous answers are not yet 过易, the 20th flags it", () => {
    expect(DEFAULT_MIN_RESPONSES).toBe(20);
    const [before] = analyzeItems(everyoneRight(19));
    expect(before).toMatchObject({ n: 19, facility: 1, flags: [], flaggable: false });
    const [at] = analyzeItems(everyoneRight(20));
    expect(at).toMatchObject({ n: 20, facility: 1, flags: ["too_easy", "low_discrimination"], flaggable: true });
  });

  it("is configurable, and counts weighted groups as the responses they stand for", () => {
    expect(analyzeItems(everyoneRight(4), {}, { minResponses: 5 })[0].flags).toEqual([]);
    expect(analyzeItems(everyoneRight(5), {}, { minResponses: 5 })[0].flags).toEqual(["too_easy", "low_discrimination"]);
    const acc = new ItemStatsAccumulator({ minResponses: 30 });
    acc.add(10, { itemId: "q", correct: false, chosen: ["b"] }, 29);
    expect(acc.stats("q", ["a", "b"])).toMatchObject({ facility: 0, flags: [], flaggable: false });
    acc.add(10, { itemId: "q", correct: false, chosen: ["b"] }, 1);
    expect(acc.stats("q", ["a", "b"]).flags).toContain("too_hard");
  });

  it("config.yaml's analytics.minResponses defaults to 20 and must be a whole number from 1", () => {
    const base = {
      weights: { part1: 30, part2: 30, part3: 40 },
      passScore: 75,
      certificateScore: 90,
      part1Draw: { 平台规则: 10, 运营基础: 10, 营销策略: 10 },
      attemptsAllowed: 2,
      timeLimitMinutes: 120,
    };
    expect(assessmentConfigSchema.parse(base).analytics).toEqual({ minResponses: 20 });
    expect(assessmentConfigSchema.parse({ ...base, analytics: { minResponses: 5 } }).analytics.minResponses).toBe(5);
    expect(assessmentConfigSchema.safeParse({ ...base, analytics: { minResponses: 0 } }).success).toBe(false);
    expect(assessmentConfigSchema.safeParse({ ...base, analytics: { minResponses: 2.5 } }).success).toBe(false);
    expect(assessmentConfigSchema.safeParse({ ...base, analytics: { min: 5 } }).success).toBe(false);
  });
});

describe("the 高信心答错 flag", () => {
  it("counts answers at 高 per item and flags from 5 of them with 30% wrong, below the minimum of responses too", () => {
    const acc = new ItemStatsAccumulator(); // minResponses 20: facility and discrimination stay unflagged
    acc.add(50, { itemId: "q", correct: true, chosen: ["a"] }, 3);
    acc.add(50, { itemId: "q", correct: false, chosen: ["b"] }, 1);
    acc.addConfident("q", true, 3);
    acc.addConfident("q", false, 1);
    expect(acc.stats("q")).toMatchObject({ confident: 4, confidentWrong: 1, flags: [], flaggable: false });
    acc.add(50, { itemId: "q", correct: false, chosen: ["b"] }, 1);
    acc.addConfident("q", false, 1); // 2 wrong of 5 at 高: 40%
    expect(acc.stats("q")).toMatchObject({ confident: 5, confidentWrong: 2, flags: ["misconception"] });
  });

  it("sits beside the facility and discrimination flags once those apply", () => {
    const acc = new ItemStatsAccumulator({ minResponses: 1 });
    acc.add(10, { itemId: "q", correct: false, chosen: ["b"] }, 6);
    acc.addConfident("q", false, 6);
    expect(acc.stats("q").flags).toEqual(["too_hard", "low_discrimination", "misconception"]);
  });
});
