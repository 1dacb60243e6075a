import { z } from "@/lib/zod";
import { finish, numberInput, optionalNumberInput, parseFields, type Values } from "@/lib/calculators/input";
import { roundCents, type Range } from "@/lib/calculators/format";

// T18 预算建议: new product = 30% of average daily sales, mature product = 15–20%;
// CPC needs at least 100 元 a day. T19: target ROAS 3:1 or better.
export const BUDGET_SHARE = { new: { low: 0.3, high: 0.3 }, mature: { low: 0.15, high: 0.2 } } satisfies Record<
  string,
  Range
>;
export const CPC_MIN_DAILY_BUDGET = 100;
export const ROAS_TARGET = 3;

export const adBudgetFields = {
  dailySales: numberInput({ label: "日均销售额", positive: true }),
  stage: z.enum(["new", "mature"]),
  adSpend: optionalNumberInput({ label: "广告花费", positive: true }),
  adSales: optionalNumberInput({ label: "广告销售额" }),
};
export type AdBudgetValues = Values<typeof adBudgetFields>;
export type AdBudgetInput = z.output<z.ZodObject<typeof adBudgetFields>>;

export type AdBudgetResult = {
  budget: Range; // 元 per day; low = high for a new product
  /** How the recommendation compares with CPC's minimum daily budget. */
  cpc: "ok" | "partly-below" | "below";
  /** Only when both ad spend and ad-attributed sales are given. */
  roas?: { value: number; met: boolean };
};

export function parseAdBudget(values: AdBudgetValues) {
  const { data, errors } = parseFields(adBudgetFields, values);
  return finish<AdBudgetInput>(data, errors);
}

export function calculateAdBudget({ dailySales, stage, adSpend, adSales }: AdBudgetInput): AdBudgetResult {
  const share = BUDGET_SHARE[stage];
  const budget = { low: roundCents(dailySales * share.low), high: roundCents(dailySales * share.high) };
  const cpc = budget.high < CPC_MIN_DAILY_BUDGET ? "below" : budget.low < CPC_MIN_DAILY_BUDGET ? "partly-below" : "ok";
  if (adSpend === undefined || adSales === undefined) return { budget, cpc };
  const value = adSales / adSpend;
  return { budget, cpc, roas: { value, met: value >= ROAS_TARGET } };
}
