"use client";

import { Bar, BarChart, CartesianGrid, LabelList, ReferenceLine, XAxis, YAxis } from "recharts";

// Client island: recharts is imported only here and in funnel-chart.tsx, both used only by
// /analytics, so the library never reaches learner pages.

export type HistogramBar = { from: number; to: number; count: number };
/** A vertical line labelled above the plot; `row` staggers labels so two close lines never overlap. */
export type Marker = { at: number; label: string; color: string; row: 0 | 1 };

const TICKS = [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100];

/**
 * Round count ticks (0, 10, 20 … or 0, 50, 100 …) with headroom above the tallest bar for its
 * count and the marker labels; `count` ticks in all, fewer on the small charts.
 */
function countTicks(max: number, count: number): number[] {
  const raw = Math.max(1, (max * 1.15) / (count - 1));
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw)!;
  return Array.from({ length: count }, (_, i) => i * Math.max(1, Math.round(step)));
}

export function HistogramChart({ bins, markers = [], height = 240 }: { bins: HistogramBar[]; markers?: Marker[]; height?: number }) {
  // A numeric x axis (bars at bin centres) so the 75 and 90 lines sit at their true position.
  const data = bins.map((b) => ({ mid: (b.from + b.to) / 2, count: b.count }));
  const yTicks = countTicks(Math.max(0, ...bins.map((b) => b.count)), height < 220 ? 3 : 5);
  return (
    <BarChart responsive data={data} style={{ width: "100%", height }} margin={{ top: 40, right: 16, bottom: 4, left: 0 }} accessibilityLayer={false} barCategoryGap={2}>
      <CartesianGrid vertical={false} stroke="#e3e6ea" />
      {/* Every 10 points where there is room; narrower charts (a phone, a third of a desk) drop
          every other label instead of letting them touch. */}
      <XAxis dataKey="mid" type="number" domain={[0, 100]} ticks={TICKS} interval="preserveStartEnd" minTickGap={16} tick={{ fontSize: 12 }} />
      {/* Headroom above the tallest bar keeps its count clear of the marker labels. */}
      <YAxis allowDecimals={false} width={36} tick={{ fontSize: 12 }} domain={[0, yTicks.at(-1)!]} ticks={yTicks} interval={0} />
      <Bar dataKey="count" fill="#c81e1e" isAnimationActive={false}>
        <LabelList dataKey="count" position="top" fontSize={12} formatter={(v) => (v ? String(v) : "")} />
      </Bar>
      {markers.map((m) => (
        <ReferenceLine
          key={m.at}
          x={m.at}
          stroke={m.color}
          strokeWidth={2}
          strokeDasharray="6 3"
          label={({ viewBox }: { viewBox?: { x?: number; y?: number } }) => (
            <text x={viewBox?.x ?? 0} y={(viewBox?.y ?? 0) - 6 - 16 * m.row} textAnchor="middle" fill={m.color} fontSize={12} fontWeight={700}>
              {m.label}
            </text>
          )}
        />
      ))}
    </BarChart>
  );
}
