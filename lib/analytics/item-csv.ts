import { FLAG_LABELS } from "@/lib/analytics/item-stats";
import type { ItemSection } from "@/lib/analytics/items";
import { csvText, type CsvCell } from "@/lib/csv";

// Rows of the item-analysis CSV: one question per row, option counts a–h in their own columns
// so the file sorts and filters in a spreadsheet.

const OPTION_IDS = ["a", "b", "c", "d", "e", "f", "g", "h"] as const;

const HEADER = [
  "部分",
  "题目ID",
  "题干",
  "来源文件",
  "题型",
  "正确答案",
  "作答人数",
  "难度（答对率）",
  "高分组答对率",
  "低分组答对率",
  "区分度（高低分组差）",
  "点二列相关",
  "高信心作答人数",
  "高信心答错人数",
  ...OPTION_IDS.map((id) => `选项${id}人数`),
  "未作答人数",
  "标记",
  "题目曾修改",
];

// Numbers, not text: a negative discrimination stays a number in the spreadsheet.
const decimal = (x: number | null) => (x === null ? null : Number(x.toFixed(4)));

export function itemCsvRecords(sections: readonly ItemSection[]): CsvCell[][] {
  const records: CsvCell[][] = [HEADER];
  for (const section of sections) {
    for (const row of section.rows) {
      const { stats } = row;
      const counts = new Map(stats.options.map((o) => [o.id, o.count]));
      records.push([
        section.title,
        row.id,
        row.prompt ?? "（题库中已无此题）",
        row.file ?? "",
        row.type === "multiple" ? "多选" : row.type === "single" ? "单选" : "",
        row.answer.join(""),
        stats.n,
        decimal(stats.facility),
        decimal(stats.pUpper),
        decimal(stats.pLower),
        decimal(stats.discrimination),
        decimal(stats.pointBiserial),
        stats.confident,
        stats.confidentWrong,
        ...OPTION_IDS.map((id) => counts.get(id) ?? null),
        stats.blank,
        stats.flags.map((f) => FLAG_LABELS[f]).join("、"),
        row.edited ? "是" : "",
      ]);
    }
  }
  return records;
}

/** The item analysis as CSV (UTF-8 with BOM, so Excel opens the Chinese text correctly). */
export function itemCsv(sections: readonly ItemSection[]): string {
  return csvText(itemCsvRecords(sections), { bom: true });
}
