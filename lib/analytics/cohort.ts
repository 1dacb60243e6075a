// Pure summaries of the cohort's released results, shared by the charts and their text tables.

export type Bin = { from: number; to: number; label: string; count: number };

/**
 * Counts of scores in bins of `width` from 0 to `max`: [0, 10), [10, 20), …, [90, 100]. The last
 * bin includes `max`, so a perfect 100 is counted; out-of-range scores are clamped into the ends.
 */
export function histogram(scores: readonly number[], width = 10, max = 100): Bin[] {
  const count = Math.ceil(max / width);
  const bins: Bin[] = Array.from({ length: count }, (_, i) => {
    const from = i * width;
    const to = Math.min(max, from + width);
    return { from, to, label: i === count - 1 ? `${from}–${to}` : `${from}–<${to}`, count: 0 };
  });
  for (const score of scores) {
    const i = Math.min(count - 1, Math.max(0, Math.floor(score / width)));
    bins[i].count += 1;
  }
  return bins;
}

/** A share in [0, 1], or null when there is nothing to divide by. */
export function rate(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

/** "42.9%" (one decimal) or "—" when undefined. */
export function formatPercent(share: number | null): string {
  return share === null ? "—" : `${(Math.round(share * 1000) / 10).toFixed(1)}%`;
}
