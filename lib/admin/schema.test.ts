import { describe, expect, it } from "vitest";
import { dashboardQuery, DEFAULT_FILTERS, parseDashboardParams, roleChangeSchema } from "@/lib/admin/schema";

const MODULES = ["platform-basics", "search-and-ads"];

describe("parseDashboardParams", () => {
  it("gives the defaults for an empty query, and treats empty fields as unset", () => {
    expect(parseDashboardParams({}, MODULES)).toEqual({ filters: DEFAULT_FILTERS, notes: [] });
    expect(parseDashboardParams({ q: "", status: "", min: "", page: "" }, MODULES)).toEqual({ filters: DEFAULT_FILTERS, notes: [] });
  });

  it("reads every filter", () => {
    const { filters, notes } = parseDashboardParams(
      { q: " 张三 ", status: "passed", min: "75", max: "89.9", dateField: "submitted", from: "2026-01-01", to: "2026-02-01", module: "search-and-ads", moduleState: "not_done", sort: "score", dir: "asc", page: "3" },
      MODULES,
    );
    expect(notes).toEqual([]);
    expect(filters).toEqual({ q: "张三", status: "passed", min: 75, max: 89.9, dateField: "submitted", from: "2026-01-01", to: "2026-02-01", module: "search-and-ads", moduleState: "not_done", sort: "score", dir: "asc", page: 3 });
  });

  it("resets each invalid value alone and says so in Chinese", () => {
    const { filters, notes } = parseDashboardParams(
      { status: "graded", min: "abc", max: "101", from: "2026-02-30", sort: "email", page: "-1", module: "../etc", q: "好" },
      MODULES,
    );
    expect(filters).toEqual({ ...DEFAULT_FILTERS, q: "好" });
    expect(notes).toHaveLength(7);
    expect(notes[0]).toMatch(/「考核状态」的值“graded”无效，已忽略/);
    expect(notes.join()).toMatch(/不是本课程的模块/);
  });

  it("takes the first of repeated parameters and refuses scores with more than one decimal", () => {
    const { filters, notes } = parseDashboardParams({ status: ["failed", "passed"], min: "74.95" }, MODULES);
    expect(filters.status).toBe("failed");
    expect(filters.min).toBeUndefined();
    expect(notes).toHaveLength(1);
  });

  it("drops inverted ranges with a note", () => {
    const { filters, notes } = parseDashboardParams({ min: "90", max: "10", from: "2026-03-02", to: "2026-03-01" }, MODULES);
    expect([filters.min, filters.max, filters.from, filters.to]).toEqual([undefined, undefined, undefined, undefined]);
    expect(notes).toEqual(["最低总分高于最高总分，已忽略总分范围。", "开始日期晚于结束日期，已忽略日期范围。"]);
  });

  it("starts each sort in its natural direction unless the link says otherwise", () => {
    expect(parseDashboardParams({ sort: "name" }, MODULES).filters.dir).toBe("asc");
    expect(parseDashboardParams({ sort: "progress" }, MODULES).filters.dir).toBe("desc");
    expect(parseDashboardParams({ sort: "name", dir: "desc" }, MODULES).filters.dir).toBe("desc");
  });
});

describe("dashboardQuery", () => {
  it("leaves defaults out and resets to page 1 when a filter changes", () => {
    expect(dashboardQuery(DEFAULT_FILTERS)).toBe("");
    const filters = { ...DEFAULT_FILTERS, q: "a&b", status: "passed" as const, page: 4 };
    expect(dashboardQuery(filters)).toBe("?q=a%26b&status=passed");
    expect(dashboardQuery(filters, { page: 5 })).toBe("?q=a%26b&status=passed&page=5");
    expect(dashboardQuery(filters, { sort: "name", dir: "asc" })).toBe("?q=a%26b&status=passed&sort=name&dir=asc");
  });

  it("round-trips through the parser", () => {
    const filters = { ...DEFAULT_FILTERS, min: 60, max: 74.9, dateField: "submitted" as const, from: "2026-01-01", module: "platform-basics", moduleState: "not_done" as const, sort: "progress" as const, dir: "asc" as const, page: 2 };
    const params = Object.fromEntries(new URLSearchParams(dashboardQuery(filters, { page: filters.page })));
    expect(parseDashboardParams(params, MODULES)).toEqual({ filters, notes: [] });
  });
});

describe("roleChangeSchema", () => {
  it("accepts the three roles only, and nothing extra", () => {
    expect(roleChangeSchema.safeParse({ userId: "u1", role: "trainer" }).success).toBe(true);
    expect(roleChangeSchema.safeParse({ userId: "u1", role: "owner" }).success).toBe(false);
    expect(roleChangeSchema.safeParse({ userId: "", role: "admin" }).success).toBe(false);
    expect(roleChangeSchema.safeParse({ userId: null, role: "admin" }).success).toBe(false);
    expect(roleChangeSchema.safeParse({ userId: "u1", role: "admin", extra: 1 }).success).toBe(false);
  });
});
