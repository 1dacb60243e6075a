import { finish, numberInput, parseFields, type Values } from "@/lib/calculators/input";
import { formatNumber } from "@/lib/calculators/format";

// T26 成交漏斗: average conversion rates between the five stages, and what drives each one.
// The deck's rule: find the weakest stage and put the resources there.
export const FUNNEL_FIELDS = [
  { key: "impressions", label: "曝光数" },
  { key: "clicks", label: "点击数" },
  { key: "carts", label: "加购数" },
  { key: "orders", label: "下单数" },
  { key: "payments", label: "支付数" },
] as const;

export const FUNNEL_BENCHMARKS = [
  { name: "曝光→点击", low: 0.05, high: 0.1, lever: "主图与标题的吸引力" },
  { name: "点击→加购", low: 0.15, high: 0.25, lever: "详情页的说服力与促销策略" },
  { name: "加购→下单", low: 0.3, high: 0.4, lever: "库存、配送与价格优势" },
  { name: "下单→支付", low: 0.8, high: 0.9, lever: "支付的便捷性与安全感" },
] as const;

export const funnelFields = {
  impressions: numberInput({ label: "曝光数", integer: true, positive: true }),
  clicks: numberInput({ label: "点击数", integer: true }),
  carts: numberInput({ label: "加购数", integer: true }),
  orders: numberInput({ label: "下单数", integer: true }),
  payments: numberInput({ label: "支付数", integer: true }),
};
export type FunnelValues = Values<typeof funnelFields>;
export type FunnelInput = Record<keyof typeof funnelFields, number>;

export type StageRate = (typeof FUNNEL_BENCHMARKS)[number] & {
  rate: number | null; // null when the previous stage is 0
  /** rate ÷ the benchmark's lower bound: below 1 means below the average range. */
  ofLow: number | null;
  status: "below" | "within" | "above" | "unknown";
};
export type FunnelResult = { stages: StageRate[]; weakest: StageRate; weakestBelow: boolean };

export function parseFunnel(values: FunnelValues) {
  const { data, errors } = parseFields(funnelFields, values);
  // A later stage cannot hold more people than the one before it.
  FUNNEL_FIELDS.forEach(({ key, label }, i) => {
    const previous = FUNNEL_FIELDS[i - 1];
    const count = data[key];
    const before = previous ? data[previous.key] : undefined;
    if (previous && count !== undefined && before !== undefined && count > before) {
      errors[key] = `${label}不能大于${previous.label}（${formatNumber(before)}）`;
    }
  });
  return finish<FunnelInput>(data, errors);
}

export function calculateFunnel(input: FunnelInput): FunnelResult {
  const counts = FUNNEL_FIELDS.map(({ key }) => input[key]);
  const stages: StageRate[] = FUNNEL_BENCHMARKS.map((benchmark, i) => {
    const rate = counts[i] > 0 ? counts[i + 1] / counts[i] : null;
    if (rate === null) return { ...benchmark, rate, ofLow: null, status: "unknown" };
    const status = rate < benchmark.low ? "below" : rate > benchmark.high ? "above" : "within";
    return { ...benchmark, rate, ofLow: rate / benchmark.low, status };
  });
  // Impressions are always > 0, so the first stage always has a rate.
  const weakest = stages.reduce((worst, stage) =>
    stage.ofLow !== null && worst.ofLow !== null && stage.ofLow < worst.ofLow ? stage : worst,
  );
  return { stages, weakest, weakestBelow: weakest.status === "below" };
}
