import { describe, expect, it } from "vitest";
import { toDate, toLearnerRow, toNumber, toState } from "@/lib/admin/rows";

describe("raw row values", () => {
  it("reads counts and scores from SQLite and PostgreSQL shapes", () => {
    expect(toNumber(3n)).toBe(3);
    expect(toNumber(74.5)).toBe(74.5);
    expect(toNumber("12")).toBe(12);
    expect(toNumber(null)).toBeNull();
    expect(toNumber("x")).toBeNull();
  });

  it("reads timestamps as ISO text or Date", () => {
    expect(toDate("2026-11-25T12:08:40.406+00:00")?.toISOString()).toBe("2026-11-25T12:08:40.406Z");
    const d = new Date();
    expect(toDate(d)).toBe(d);
    expect(toDate(null)).toBeNull();
    expect(toDate("not a date")).toBeNull();
  });

  it("maps unknown states to 待批阅 rather than failing", () => {
    expect(toState("certified")).toBe("certified");
    expect(toState(null)).toBe("pending");
  });

  it("builds a learner row", () => {
    const row = toLearnerRow(
      { id: "u", name: "张三", email: "z@example.com", done: 10n, attempts: 2n, exam_number: 2n, part1: 80, part2: null, part3: null, final: null, submitted_at: "2026-01-02T00:00:00.000+00:00", last_at: "2026-01-03T00:00:00.000+00:00", state: "pending" },
      40,
    );
    expect(row.progress).toEqual({ done: 10, total: 40, percent: 25 });
    expect(row.latest).toEqual({ number: 2, part1: 80, part2: null, part3: null, final: null, submittedAt: new Date("2026-01-02T00:00:00Z") });
    expect(row.lastActivityAt).toEqual(new Date("2026-01-03T00:00:00Z"));
    const none = toLearnerRow({ id: "v", name: "李四", email: "l@example.com", done: 0, attempts: 0, exam_number: null, part1: null, part2: null, part3: null, final: null, submitted_at: null, last_at: null, state: "not_started" }, 40);
    expect(none.latest).toBeNull();
    expect(none.lastActivityAt).toBeNull();
  });
});
