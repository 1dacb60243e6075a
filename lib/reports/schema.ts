import { z } from "@/lib/zod";

// The department report's URL state: an optional 学习任务 and a department to start from. Each
// parameter is parsed on its own; a bad one is ignored with a note, as on the dashboard.

export const idSchema = z.string().trim().regex(/^[\w-]{1,64}$/);

export type ReportFilters = { assignment?: string; department?: string };

export type RawParams = Record<string, string | string[] | undefined>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export function parseReportParams(raw: RawParams): { filters: ReportFilters; notes: string[] } {
  const notes: string[] = [];
  const filters: ReportFilters = {};
  for (const [name, label] of [["assignment", "学习任务"], ["department", "部门"]] as const) {
    const value = first(raw[name])?.trim();
    if (!value) continue;
    const parsed = idSchema.safeParse(value);
    if (parsed.success) filters[name] = parsed.data;
    else notes.push(`「${label}」的值“${value.slice(0, 40)}”无效，已忽略。`);
  }
  return { filters, notes };
}

export function reportQuery(filters: ReportFilters): string {
  const params = new URLSearchParams();
  if (filters.department) params.set("department", filters.department);
  if (filters.assignment) params.set("assignment", filters.assignment);
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** The report's columns in order: one list for the page, the CSV and the XLSX. */
export const REPORT_COLUMNS = [
  { key: "learners", label: "人数", title: "部门（含下级部门）的学员人数" },
  { key: "assigned", label: "已分配", title: "有学习任务的学员" },
  { key: "started", label: "已开始", title: "学习任务已开始的学员" },
  { key: "completed", label: "已完成", title: "全部学习任务已完成的学员" },
  { key: "overdue", label: "已逾期", title: "有已逾期学习任务的学员" },
  { key: "submitted", label: "已提交考核", title: "提交过结业考核的学员" },
  { key: "passed", label: "通过", title: "最近一次已发布的结业考核通过（含获证）" },
  { key: "certified", label: "获证", title: "最近一次已发布的结业考核获得证书" },
] as const;

export const AVERAGE_COLUMNS = [
  { key: "final", label: "平均总分" },
  { key: "part1", label: "理论知识测试平均分" },
  { key: "part2", label: "实操案例分析平均分" },
  { key: "part3", label: "运营方案设计平均分" },
] as const;
