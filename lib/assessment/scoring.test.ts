import { describe, expect, it } from "vitest";
import { finalScore, formatPercent, formatScore, outcome } from "@/lib/assessment/scoring";

const weights = { part1: 30, part2: 30, part3: 40 };
const marks = { passScore: 75, certificateScore: 90 };

describe("final score", () => {
  it("is 0.3·P1 + 0.3·P2 + 0.4·P3", () => {
    expect(finalScore({ part1: 80, part2: 70, part3: 90 }, weights)).toBe(81);
  });

  it("uses the weights from config", () => {
    expect(finalScore({ part1: 100, part2: 0, part3: 0 }, { part1: 50, part2: 25, part3: 25 })).toBe(50);
  });

  it("is exact for fractional part-1 scores (17 of 30 correct)", () => {
    const p1 = (17 / 30) * 100;
    expect(finalScore({ part1: p1, part2: 100, part3: 100 }, weights)).toBe(87);
  });
});

describe("outcome at the edges", () => {
  it.each([
    [74.9, "failed"],
    [74.99, "failed"],
    [75.0, "passed"],
    [89.9, "passed"],
    [89.99, "passed"],
    [90.0, "certified"],
    [100, "certified"],
    [0, "failed"],
  ] as const)("%s → %s", (score, expected) => {
    expect(outcome(score, marks)).toBe(expected);
  });

  it("reaches exactly 75 from parts whose float arithmetic drifts", () => {
    // 0.3·75 + 0.3·75 + 0.4·75 is 74.99999999999999 in plain floating point.
    expect(outcome(finalScore({ part1: 75, part2: 75, part3: 75 }, weights), marks)).toBe("passed");
  });
});

describe("formatScore", () => {
  it("shows one decimal without rounding a fail up to a pass", () => {
    expect(formatScore(74.96)).toBe("74.9");
    expect(formatScore(75)).toBe("75.0");
    expect(formatScore(89.95)).toBe("89.9");
    expect(formatScore(56.666666)).toBe("56.6");
  });
});

describe("formatPercent", () => {
  it("rounds a quiz share half up to one decimal", () => {
    expect(formatPercent((11 / 12) * 100)).toBe("91.7");
    expect(formatPercent((1 / 3) * 100)).toBe("33.3");
    expect(formatPercent((2 / 3) * 100)).toBe("66.7");
    expect(formatPercent(12.25)).toBe("12.3");
    expect(formatPercent(0.05)).toBe("0.1");
    expect(formatPercent(100)).toBe("100.0");
    expect(formatPercent(0)).toBe("0.0");
  });

  it("keeps final scores truncated at the pass and certificate edges", () => {
    expect(formatScore(74.96)).toBe("74.9");
    expect(formatScore(74.9999999)).toBe("74.9");
    expect(formatScore(75)).toBe("75.0");
    expect(formatScore(89.99)).toBe("89.9");
    expect(formatScore(90)).toBe("90.0");
  });
});
