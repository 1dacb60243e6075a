import { describe, expect, it } from "vitest";
import { contentDisposition, csvHeader, csvRow } from "@/lib/admin/csv";
import type { LearnerRow } from "@/lib/admin/rows";
import { csvText } from "@/lib/csv";

const modules = [{ slug: "a", order: 1 }, { slug: "b", order: 2 }];
const row: LearnerRow = {
  id: "u",
  name: "=HYPERLINK(\"x\")",
  email: "z@example.com",
  progress: { done: 3, total: 4, percent: 75 },
  lastActivityAt: new Date("2026-11-25T16:30:00Z"),
  attempts: 1,
  latest: { number: 1, part1: 74.96, part2: 80, part3: null, final: null, submittedAt: new Date("2026-11-25T01:00:00Z") },
  state: "pending",
  quizBest: { a: 87.5 },
  departmentId: "d",
  department: "京东商城 / 华北大区 / 北京一组",
  tasks: { status: "overdue", assigned: 2, overdue: 1, completed: 1, started: true },
};

describe("CSV rows", () => {
  it("has one cell per header, in Chinese", () => {
    expect(csvHeader(modules)).toHaveLength(csvRow(row, modules).length);
    expect(csvHeader(modules).slice(0, 7)).toEqual(["姓名", "邮箱", "学习进度（%）", "已学课时", "总课时", "模块1测验最高分", "模块2测验最高分"]);
  });

  it("formats scores like the site (truncated), dates in China time, blanks for none", () => {
    expect(csvRow(row, modules)).toEqual([
      "=HYPERLINK(\"x\")", "z@example.com", 75, 3, 4, "87.5", "", "2026-11-26 00:30", 1, "第 1 次", "74.9", "80.0", "", "", "待批阅", "2026-11-25 09:00",
      "京东商城 / 华北大区 / 北京一组", "已逾期", 2, 1,
    ]);
    expect(csvRow({ ...row, department: null, tasks: null }, modules).slice(-4)).toEqual(["", "未分配", 0, 0]);
  });

  it("defuses spreadsheet formulas in learner-chosen text when written", () => {
    expect(csvText([csvRow(row, modules)]).startsWith(`"'=HYPERLINK(""x"")",z@example.com,75,3,4,87.5,`)).toBe(true);
  });

  it("names the file with the date", () => {
    expect(contentDisposition("2026-11-25")).toBe(
      `attachment; filename="learners-2026-11-25.csv"; filename*=UTF-8''${encodeURIComponent("学员学习与考核-2026-11-25.csv")}`,
    );
  });
});
