import { formatScore } from "@/lib/assessment/scoring";
import type { LearnerRow } from "@/lib/admin/rows";
import { formatDateTime } from "@/lib/admin/ranges";
import { STATE_LABELS } from "@/lib/admin/schema";

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
  ];
}

/**
 * Spreadsheet programs run a cell that starts with = + - @ (or a tab/CR before one) as a
 * formula; learners choose their own names, so such text cells get a leading apostrophe.
 */
export function safeText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

const score = (value: number | null | undefined) => (value === null || value === undefined ? "" : formatScore(value));

export function csvRow(row: LearnerRow, modules: CsvModule[]): string[] {
  const { latest } = row;
  return [
    safeText(row.name),
    safeText(row.email),
    String(row.progress.percent),
    String(row.progress.done),
    String(row.progress.total),
    ...modules.map((m) => score(row.quizBest[m.slug])),
    row.lastActivityAt ? formatDateTime(row.lastActivityAt) : "",
    String(row.attempts),
    latest ? `第 ${latest.number} 次` : "",
    score(latest?.part1),
    score(latest?.part2),
    score(latest?.part3),
    score(latest?.final),
    STATE_LABELS[row.state],
    latest?.submittedAt ? formatDateTime(latest.submittedAt) : "",
  ];
}

/** learners-2026-11-25.csv, with a zh-CN name for browsers that read filename*. */
export function contentDisposition(day: string): string {
  const ascii = `learners-${day}.csv`;
  const zh = encodeURIComponent(`学员学习与考核-${day}.csv`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${zh}`;
}
