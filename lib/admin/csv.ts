import { formatPercent, formatScore } from "@/lib/assessment/scoring";
import type { LearnerRow } from "@/lib/admin/rows";
import { formatDateTime } from "@/lib/admin/ranges";
import { STATE_LABELS } from "@/lib/admin/schema";
import type { CsvCell } from "@/lib/csv";
import { ASSIGNMENT_STATUS_LABELS } from "@/lib/assignments/status";

// The export's columns, one place for headers and cells so they cannot drift apart.

export type CsvModule = { slug: string; order: number };

export function csvHeader(modules: CsvModule[]): string[] {
  return [
    "姓名",
    "邮箱",
    "学习进度（%）",
    "已学课时",
    "总课时",
    ...modules.map((m) => `模块${m.order}测验最高分`),
    "最近活动时间（北京时间）",
    "考核次数",
    "最近提交的考核",
    "理论知识测试",
    "实操案例分析",
    "运营方案设计",
    "总分",
    "考核状态",
    "最近提交时间（北京时间）",
    "部门",
    "学习任务状态",
    "学习任务数",
    "已逾期学习任务数",
  ];
}

const score = (value: number | null | undefined) => (value === null || value === undefined ? "" : formatScore(value));
const percent = (value: number | null | undefined) => (value === null || value === undefined ? "" : formatPercent(value));

/** One learner's cells; text is neutralised against spreadsheet formulas by csvText (lib/csv.ts). */
export function csvRow(row: LearnerRow, modules: CsvModule[]): CsvCell[] {
  const { latest } = row;
  return [
    row.name,
    row.email,
    row.progress.percent,
    row.progress.done,
    row.progress.total,
    ...modules.map((m) => percent(row.quizBest[m.slug])),
    row.lastActivityAt ? formatDateTime(row.lastActivityAt) : "",
    row.attempts,
    latest ? `第 ${latest.number} 次` : "",
    score(latest?.part1),
    score(latest?.part2),
    score(latest?.part3),
    score(latest?.final),
    STATE_LABELS[row.state],
    latest?.submittedAt ? formatDateTime(latest.submittedAt) : "",
    row.department ?? "",
    row.tasks ? ASSIGNMENT_STATUS_LABELS[row.tasks.status] : "未分配",
    row.tasks?.assigned ?? 0,
    row.tasks?.overdue ?? 0,
  ];
}

/** learners-2026-11-25.csv, with a zh-CN name for browsers that read filename*. */
export function contentDisposition(day: string): string {
  const ascii = `learners-${day}.csv`;
  const zh = encodeURIComponent(`学员学习与考核-${day}.csv`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${zh}`;
}
