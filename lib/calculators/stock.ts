import { finish, numberInput, optionalNumberInput, parseFields, type Values } from "@/lib/calculators/input";
import type { Range } from "@/lib/calculators/format";

// T29 库存预警: safety stock = 7–15 days of average sales, maximum stock = 30–45 days.
export const SAFETY_DAYS: Range = { low: 7, high: 15 };
export const MAXIMUM_DAYS: Range = { low: 30, high: 45 };

export const stockFields = {
  dailySales: numberInput({ label: "日均销量", positive: true }),
  currentStock: optionalNumberInput({ label: "当前库存", integer: true }),
};
export type StockValues = Values<typeof stockFields>;
export type StockInput = { dailySales: number; currentStock?: number };

/**
 * Where the current stock stands. The deck gives each line as a range of days, so the bands
 * between the ends are reported separately: there it depends on the line the shop has set.
 */
export type StockStatus =
  | "below" // under 7 days of sales: below any safety line
  | "safety" // 7–15 days: inside the safety-line range
  | "normal" // between the safety and the maximum range
  | "high" // 30–45 days: inside the maximum-line range
  | "above"; // over 45 days: above any maximum line

export type StockResult = {
  safety: Range; // pieces
  maximum: Range; // pieces
  current?: { stock: number; days: number; status: StockStatus };
};

export function parseStock(values: StockValues) {
  const { data, errors } = parseFields(stockFields, values);
  return finish<StockInput>(data, errors);
}

/** Whole pieces, rounded up; the epsilon keeps 0.1 × 30 (= 3.0000000000000004) at 3. */
function pieces(value: number): number {
  return Math.ceil(value - 1e-9);
}

export function stockStatus(stock: number, safety: Range, maximum: Range): StockStatus {
  if (stock < safety.low) return "below";
  if (stock <= safety.high) return "safety";
  if (stock < maximum.low) return "normal";
  if (stock <= maximum.high) return "high";
  return "above";
}

export function calculateStock({ dailySales, currentStock }: StockInput): StockResult {
  const forDays = (days: Range): Range => ({ low: pieces(dailySales * days.low), high: pieces(dailySales * days.high) });
  const safety = forDays(SAFETY_DAYS);
  const maximum = forDays(MAXIMUM_DAYS);
  if (currentStock === undefined) return { safety, maximum };
  return {
    safety,
    maximum,
    current: { stock: currentStock, days: currentStock / dailySales, status: stockStatus(currentStock, safety, maximum) },
  };
}
