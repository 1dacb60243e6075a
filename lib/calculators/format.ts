// Display helpers: every number a learner sees is formatted for zh-CN (1,234.5).

export type Range = { low: number; high: number };

export function formatNumber(value: number, maxFractionDigits = 2): string {
  return new Intl.NumberFormat("zh-CN", { maximumFractionDigits: maxFractionDigits }).format(value);
}

/** Money always with two decimals: 1,234.50 (formatYuan adds the unit). */
export function formatMoney(value: number): string {
  return new Intl.NumberFormat("zh-CN", { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
}

export function formatYuan(value: number): string {
  return `${formatMoney(value)} 元`;
}

/** A ratio as a percentage: 0.0625 → 6.3%. */
export function formatPercent(ratio: number, maxFractionDigits = 1): string {
  return new Intl.NumberFormat("zh-CN", { style: "percent", maximumFractionDigits: maxFractionDigits }).format(ratio);
}

/** "a–b", or a single value when both ends are equal. */
export function formatRange(range: Range, format: (value: number) => string): string {
  return range.low === range.high ? format(range.low) : `${format(range.low)}–${format(range.high)}`;
}

/** Rounds money to the cent (and turns -0 into 0). */
export function roundCents(value: number): number {
  return Math.round(value * 100) / 100 + 0;
}
