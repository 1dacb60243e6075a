import { csvText, type CsvCell } from "@/lib/csv";
import type { GradingAgreement } from "@/lib/grading/agreement-queries";

// How 评分一致性 shows its figures, on the page and in the CSV alike.

export const PART_LABEL: Record<2 | 3, string> = { 2: "实操案例分析", 3: "运营方案设计" };

export const formatIcc = (icc: number | null): string => (icc === null ? "—" : icc.toFixed(3));
export const formatPoints = (x: number): string => x.toFixed(2);
export const formatPercentPoints = (x: number): string => `${x.toFixed(1)}%`;
/** Leniency with its sign, so "+3.3" reads as more lenient than the partners. */
export const formatLeniency = (x: number): string => `${x > 0 ? "+" : x < 0 ? "−" : "±"}${Math.abs(x).toFixed(1)}`;
export const graderName = (names: GradingAgreement["names"], id: string): string => names[id] ?? "（已删除的账号）";
/** A pair as "甲 / 乙", names in collation order (the ids' order would look random). */
export const pairName = (names: GradingAgreement["names"], graders: readonly [string, string]): string =>
  graders
    .map((id) => graderName(names, id))
    .sort((x, y) => x.localeCompare(y, "zh-CN"))
    .join(" / ");

export type IccLevel = "良好" | "中等" | "较差";
export const iccLevel = (icc: number | null): IccLevel | null => (icc === null ? null : icc >= 0.75 ? "良好" : icc >= 0.5 ? "中等" : "较差");

const round4 = (x: number | null): number | null => (x === null ? null : Math.round(x * 10_000) / 10_000);

/** One section per table, the first column naming it (as analytics/review/export). */
export function agreementCsv(data: GradingAgreement): string {
  const { counts } = data;
  const records: CsvCell[][] = [
    ["表", "名称", "所属部分", "满分", "份数", "ICC", "平均分差（分）", "平均分差（占满分%）", "宽严度（百分点）"],
    ["概况", "双评份数", "", "", counts.doubleGraded],
    ["概况", "一次评定一致", "", "", counts.agreedAtOnce],
    ["概况", "送仲裁", "", "", counts.sentToModeration],
    ["概况", "待仲裁", "", "", counts.awaitingModeration],
  ];
  for (const c of data.criteria) {
    records.push(["评分项", c.label, PART_LABEL[c.part], c.max, c.n, round4(c.icc), round4(c.madPoints), round4(c.madPercent)]);
  }
  for (const p of data.pairs) {
    records.push(["评分员组合", pairName(data.names, p.graders), "", "", p.n, round4(p.icc), "", round4(p.madPercent)]);
  }
  for (const g of data.graders) {
    records.push(["评分员宽严度", graderName(data.names, g.grader), "", "", g.n, "", "", "", round4(g.leniency)]);
  }
  return csvText(records, { bom: true });
}
