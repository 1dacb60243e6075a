import { describe, expect, it } from "vitest";
import { formatPercent } from "@/lib/assessment/scoring";
import { calibration, cbmMark, cbmScore, cbmScoreOf, isMisconception, type Confidence } from "@/lib/quiz/confidence";

/*
 * Hand-computed example (also in decision 039 and tests/e2e/confidence.spec.ts): 12 questions.
 *
 *   questions  verdict  confidence  mark each  marks
 *   1–4        right    3 高         3          12
 *   5–6        right    2 中         2           4
 *   7          right    1 低         1           1
 *   8          wrong    1 低         0           0
 *   9–10       wrong    2 中        −2          −4
 *   11–12      wrong    3 高        −6         −12
 *
 * Plain score 7/12 = 58.3. 信心得分 = 12 + 4 + 1 + 0 − 4 − 12 = 1 of 3 · 12 = 36: 1/36 = 2.8%.
 * Calibration: 低 1 of 2 right (50%), 中 2 of 4 (50%), 高 4 of 6 (66.7%).
 */
const EXAMPLE: { correct: boolean; confidence: Confidence }[] = [
  ...Array.from({ length: 4 }, () => ({ correct: true, confidence: 3 as const })),
  ...Array.from({ length: 2 }, () => ({ correct: true, confidence: 2 as const })),
  { correct: true, confidence: 1 },
  { correct: false, confidence: 1 },
  ...Array.from({ length: 2 }, () => ({ correct: false, confidence: 2 as const })),
  ...Array.from({ length: 2 }, () => ({ correct: false, confidence: 3 as const })),
];

describe("Gardner-Medwin marks", () => {
  it("gives 1/2/3 when right and 0/−2/−6 when wrong; a blank scores 0 whatever its confidence", () => {
    expect([1, 2, 3].map((c) => cbmMark(true, c as Confidence))).toEqual([1, 2, 3]);
    expect([1, 2, 3].map((c) => cbmMark(false, c as Confidence))).toEqual([0, -2, -6]);
    expect(cbmMark(false, 3, false)).toBe(0);
    expect(cbmMark(false, null)).toBe(0);
  });

  it("scores the hand-computed example at 1 of 36, shown as 2.8", () => {
    const score = cbmScoreOf(EXAMPLE.map((e) => ({ ...e, chosen: ["a"] })));
    expect(score).toEqual({ points: 1, max: 36, percent: (1 / 36) * 100 });
    expect(formatPercent(score.percent)).toBe("2.8");
  });

  it("floors the percentage at 0 but keeps negative points", () => {
    expect(cbmScore(-18, 12)).toEqual({ points: -18, max: 36, percent: 0 });
    expect(cbmScore(36, 12).percent).toBe(100);
    expect(cbmScore(0, 0).percent).toBe(0);
  });
});

describe("calibration", () => {
  it("counts accuracy per confidence level of the example, blank answers left out", () => {
    const groups = [
      { confidence: 3, correct: true, count: 4 },
      { confidence: 3, correct: false, count: 2 },
      { confidence: 2, correct: true, count: 2 },
      { confidence: 2, correct: false, count: 2 },
      { confidence: 1, correct: true, count: 1 },
      { confidence: 1, correct: false, count: 1 },
      { confidence: null, correct: false, count: 5 },
    ];
    expect(calibration(groups)).toEqual([
      { confidence: 1, label: "低", answers: 2, correct: 1, accuracy: 0.5 },
      { confidence: 2, label: "中", answers: 4, correct: 2, accuracy: 0.5 },
      { confidence: 3, label: "高", answers: 6, correct: 4, accuracy: 4 / 6 },
    ]);
  });

  it("has no accuracy for a level never used", () => {
    expect(calibration([])[0]).toEqual({ confidence: 1, label: "低", answers: 0, correct: 0, accuracy: null });
  });
});

describe("the misconception rule", () => {
  it("needs 5 answers at 高 and 30% of them wrong, bounds included", () => {
    expect(isMisconception(4, 4)).toBe(false); // too few
    expect(isMisconception(5, 1)).toBe(false); // 20%
    expect(isMisconception(5, 2)).toBe(true); // 40%
    expect(isMisconception(10, 3)).toBe(true); // exactly 30%
    expect(isMisconception(10, 2)).toBe(false);
    expect(isMisconception(0, 0)).toBe(false);
  });
});
