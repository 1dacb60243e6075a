import { describe, expect, it } from "vitest";
import { formatPercent, histogram, rate } from "@/lib/analytics/cohort";

describe("histogram", () => {
  it("uses ten 10-point bins with 100 in the last one", () => {
    const bins = histogram([0, 9.99, 10, 74.9, 75, 89.9, 90, 100]);
    expect(bins).toHaveLength(10);
    expect(bins.map((b) => b.count)).toEqual([2, 1, 0, 0, 0, 0, 0, 2, 1, 2]);
    expect(bins[0]).toMatchObject({ from: 0, to: 10, label: "0–<10" });
    expect(bins[9]).toMatchObject({ from: 90, to: 100, label: "90–100" });
  });

  it("clamps out-of-range scores and is empty without scores", () => {
    expect(histogram([-1, 101]).map((b) => b.count)).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    expect(histogram([]).every((b) => b.count === 0)).toBe(true);
  });
});

describe("rates", () => {
  it("is null with nothing to divide by", () => {
    expect(rate(0, 0)).toBeNull();
    expect(formatPercent(null)).toBe("—");
  });

  it("formats one decimal", () => {
    expect(formatPercent(rate(3, 7))).toBe("42.9%");
    expect(formatPercent(1)).toBe("100.0%");
  });
});
