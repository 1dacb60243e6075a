"use client";

import { Bar, BarChart, CartesianGrid, LabelList, XAxis, YAxis } from "recharts";

export type FunnelBar = { label: string; learners: number };

/** 12000 → "1.2万": five-digit cohorts keep their axis labels apart on a phone. */
const shortCount = (n: number) => (n >= 10_000 ? `${Number((n / 10_000).toFixed(1))}万` : String(n));

/** Horizontal bars, one per step, widest first: short labels keep it readable at 375 px. */
export function FunnelChart({ steps }: { steps: FunnelBar[] }) {
  return (
    <BarChart responsive layout="vertical" data={steps} style={{ width: "100%", height: 36 * steps.length + 32 }} margin={{ top: 4, right: 40, bottom: 4, left: 0 }} accessibilityLayer={false}>
      <CartesianGrid horizontal={false} stroke="#e3e6ea" />
      <XAxis type="number" allowDecimals={false} tick={{ fontSize: 12 }} tickFormatter={shortCount} interval="preserveStartEnd" minTickGap={12} />
      <YAxis type="category" dataKey="label" width={96} tick={{ fontSize: 12 }} interval={0} />
      <Bar dataKey="learners" fill="#c81e1e" isAnimationActive={false}>
        <LabelList dataKey="learners" position="right" fontSize={12} />
      </Bar>
    </BarChart>
  );
}
