import { describe, expect, it } from "vitest";
import { chinaDay, dayRange, formatDateTime, pageWindow, scoreBounds } from "@/lib/admin/ranges";

describe("dayRange", () => {
  it("covers whole China-time days, both ends included", () => {
    const { start, end } = dayRange("2026-03-01", "2026-03-31");
    expect(start?.toISOString()).toBe("2026-02-28T16:00:00.000Z");
    expect(end?.toISOString()).toBe("2026-03-31T16:00:00.000Z");
  });

  it("leaves a missing side open", () => {
    expect(dayRange(undefined, "2026-01-01").start).toBeUndefined();
    expect(dayRange("2026-01-01").end).toBeUndefined();
  });
});

describe("scoreBounds", () => {
  it("matches the truncated one-decimal display", () => {
    const { gte, lt } = scoreBounds(75, 89.9);
    expect(gte).toBe(75);
    expect(lt).toBe(90);
    // 89.96 shows as 89.9 (kept); 90.0 shows as 90.0 (dropped).
    expect(89.96 < lt!).toBe(true);
    expect(90 < lt!).toBe(false);
    expect(scoreBounds(undefined, 74.9).lt).toBe(75);
    expect(scoreBounds(undefined, 0.7).lt).toBe(0.8);
    expect(scoreBounds()).toEqual({ gte: undefined, lt: undefined });
  });
});

describe("pageWindow", () => {
  it("shows first, last and neighbours with gaps", () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(1, 5)).toEqual([1, 2, 3, null, 5]);
    expect(pageWindow(6, 20)).toEqual([1, null, 4, 5, 6, 7, 8, null, 20]);
    expect(pageWindow(20, 20)).toEqual([1, null, 18, 19, 20]);
    expect(pageWindow(4, 7)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });
});

describe("China-time formatting", () => {
  it("formats instants and days in UTC+8", () => {
    expect(formatDateTime(new Date("2026-11-25T16:30:00Z"))).toBe("2026-11-26 00:30");
    expect(formatDateTime(null)).toBe("—");
    expect(chinaDay(new Date("2026-11-25T16:30:00Z"))).toBe("2026-11-26");
  });
});
