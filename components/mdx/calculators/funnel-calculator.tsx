"use client";

import { Calculator, Message, Pending } from "@/components/mdx/calculators/calculator";
import { NumberField } from "@/components/mdx/calculators/number-field";
import { useCalculatorForm } from "@/components/mdx/calculators/use-calculator-form";
import { formatNumber, formatPercent, formatRange } from "@/lib/calculators/format";
import { calculateFunnel, FUNNEL_FIELDS, parseFunnel, type FunnelResult, type StageRate } from "@/lib/calculators/funnel";

const STATUS: Record<StageRate["status"], string> = {
  below: "低于平均",
  within: "在平均范围内",
  above: "高于平均",
  unknown: "无法计算",
};

const percent = (ratio: number) => formatPercent(ratio, 0);

function Stage({ stage }: { stage: StageRate }) {
  return (
    <li className="calculator__stage">
      <span className="calculator__stage-name">{stage.name}</span>
      <strong>{stage.rate === null ? "—" : formatPercent(stage.rate)}</strong>
      <span className="calculator__stage-range">平均 {formatRange({ low: stage.low * 100, high: stage.high * 100 }, formatNumber)}%</span>
      <span className={`calculator__badge calculator__badge--${stage.status}`}>{STATUS[stage.status]}</span>
    </li>
  );
}

function Weakest({ result }: { result: FunnelResult }) {
  const { weakest } = result;
  const rate = formatPercent(weakest.rate ?? 0);
  const times = formatPercent(weakest.ofLow ?? 0, 0);
  return result.weakestBelow ? (
    <Message tone="bad">
      最薄弱环节：{weakest.name}。转化率 {rate}，只有平均下限 {percent(weakest.low)} 的 {times}。应集中资源优先提升这一环节，关键在于{weakest.lever}。
    </Message>
  ) : (
    <Message tone="ok">
      各环节都不低于平均范围的下限。相对最弱的是{weakest.name}（转化率 {rate}，为下限 {percent(weakest.low)} 的 {times}），可作为下一步的提升重点，关键在于{weakest.lever}。
    </Message>
  );
}

export function FunnelCalculator({ title = "成交漏斗诊断" }: { title?: string }) {
  const form = useCalculatorForm(
    { impressions: "", clicks: "", carts: "", orders: "", payments: "" },
    parseFunnel,
  );
  const result = form.parsed.ok ? calculateFunnel(form.parsed.data) : null;

  return (
    <Calculator
      title={title}
      intro="填写同一时期各环节的人数（或次数），对照各环节的平均转化率，找出最薄弱的环节。"
      result={
        result ? (
          <>
            <ul className="calculator__stages">
              {result.stages.map((stage) => (
                <Stage key={stage.name} stage={stage} />
              ))}
            </ul>
            <Weakest result={result} />
            {result.stages.some((s) => s.status === "unknown") ? (
              <p className="calculator__note">某一环节为 0 时，其后的转化率无法计算。</p>
            ) : null}
          </>
        ) : (
          <Pending hasErrors={form.hasVisibleErrors} hint="填写全部五个环节后，这里会即时显示各环节转化率。" />
        )
      }
    >
      {FUNNEL_FIELDS.map(({ key, label }) => (
        <NumberField key={key} label={label} {...form.field(key)} />
      ))}
    </Calculator>
  );
}
