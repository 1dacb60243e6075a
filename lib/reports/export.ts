import "server-only";
import ExcelJS from "exceljs";
import { formatScore } from "@/lib/assessment/scoring";
import { displayPath } from "@/lib/departments/tree";
import { csvText, type CsvCell } from "@/lib/csv";
import type { ReportRow } from "@/lib/reports/rollup";
import { AVERAGE_COLUMNS, REPORT_COLUMNS } from "@/lib/reports/schema";

// The department report as files: the same header and cells for CSV and XLSX, from the rows
// the page shows. Counts stay numbers; averages are the one-decimal scores the page shows.

export const REPORT_HEADER = ["部门", "层级", ...REPORT_COLUMNS.map((c) => c.label), ...AVERAGE_COLUMNS.map((c) => c.label)];

const average = (value: number | null) => (value === null ? null : Number(formatScore(value)));

export function reportCells(row: ReportRow): CsvCell[] {
  return [
    displayPath(row.names),
    row.depth + 1,
    ...REPORT_COLUMNS.map((c) => row[c.key]),
    ...AVERAGE_COLUMNS.map((c) => average(row.averages[c.key])),
  ];
}

/** UTF-8 with a BOM and CRLF, text guarded against formulas (lib/csv.ts, decision 016). */
export function reportCsv(rows: readonly ReportRow[]): string {
  return csvText([REPORT_HEADER, ...rows.map(reportCells)], { bom: true });
}

/**
 * One worksheet, header frozen. Text goes in as string cells, which a spreadsheet never runs as
 * a formula, so no leading ' is needed (it would show); numbers as numbers.
 */
export async function reportXlsx(rows: readonly ReportRow[], title: string): Promise<ArrayBuffer> {
  const book = new ExcelJS.Workbook();
  book.creator = "京东运营线上培训";
  const sheet = book.addWorksheet("部门报表", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = REPORT_HEADER.map((header, i) => ({ header, width: i === 0 ? 40 : Math.max(8, header.length * 2 + 2) }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(reportCells(row).map((cell) => cell ?? null));
  sheet.headerFooter.oddHeader = title;
  const buffer = await book.xlsx.writeBuffer();
  return new Uint8Array(buffer).slice().buffer;
}

/** department-report-2026-12-03.csv, with a zh-CN name for browsers that read filename*. */
export function reportDisposition(day: string, extension: "csv" | "xlsx"): string {
  const zh = encodeURIComponent(`部门学习报表-${day}.${extension}`);
  return `attachment; filename="department-report-${day}.${extension}"; filename*=UTF-8''${zh}`;
}
