"use client";

import { Calculator, Message, Pending, ResultRow, ResultRows } from "@/components/mdx/calculators/calculator";
import { ChoiceField } from "@/components/mdx/calculators/choice-field";
import { NumberField } from "@/components/mdx/calculators/number-field";
import { useCalculatorForm } from "@/components/mdx/calculators/use-calculator-form";
import { calculateAdBudget, parseAdBudget, type AdBudgetResult } from "@/lib/calculators/ad-budget";
import { formatMoney, formatNumber, formatRange } from "@/lib/calculators/format";

const STAGES = [
  { value: "new", label: "新品" },
  { value: "mature", label: "成熟品" },
] as const;

function CpcNote({ cpc }: { cpc: AdBudgetResult["cpc"] }) {
  if (cpc === "ok") return null;
  const what = cpc === "below" ? "建议日预算低于" : "建议区间的下限低于";
  return <Message tone="warn">{what} CPC（按点击付费）的最低日预算 100 元：投放 CPC 广告，每天至少需要 100 元。</Message>;
}

function Roas({ roas }: { roas: AdBudgetResult["roas"] }) {
  if (!roas) return <p className="calculator__note">同时填写广告花费和广告带来的销售额，即可计算 ROAS。</p>;
  return roas.met ? (
    <Message tone="ok">达标：ROAS 达到 3:1 以上的目标。</Message>
  ) : (
    <Message tone="bad">
      未达标：ROAS 低于 3:1 的目标。投放初期 ROAS 偏低较常见，可从出价策略、创意、人群定向细化和落地页四个方向优化。
    </Message>
  );
}

export function AdBudgetCalculator({ title = "广告预算与 ROAS 计算器" }: { title?: string }) {
  const form = useCalculatorForm({ dailySales: "", stage: "new", adSpend: "", adSales: "" }, parseAdBudget);
  const stage = form.field("stage");
  const result = form.parsed.ok ? calculateAdBudget(form.parsed.data) : null;

  return (
    <Calculator
      title={title}
      intro="日预算建议：新品 = 日均销售额的 30%，成熟品 = 日均销售额的 15–20%；目标 ROAS 3:1 以上。"
      result={
        result ? (
          <>
            <ResultRows>
              <ResultRow label={`建议日预算（${stage.value === "new" ? "30%" : "15–20%"}）`}>
                {formatRange(result.budget, formatMoney)} 元/天
              </ResultRow>
              {result.roas ? (
                <ResultRow label="ROAS（广告销售额 ÷ 广告花费）">{formatNumber(result.roas.value, 2)}:1</ResultRow>
              ) : null}
            </ResultRows>
            <CpcNote cpc={result.cpc} />
            <Roas roas={result.roas} />
          </>
        ) : (
          <Pending hasErrors={form.hasVisibleErrors} hint="填写日均销售额后，这里会即时显示建议日预算。" />
        )
      }
    >
      <NumberField label="日均销售额（元/天）" placeholder="如 2000" {...form.field("dailySales")} />
      <ChoiceField id={stage.id} legend="商品阶段" options={STAGES} value={stage.value} onChange={stage.onChange} />
      <NumberField label="广告花费（元）" optional hint="与下一项取同一时期，用于计算 ROAS。" {...form.field("adSpend")} />
      <NumberField label="广告带来的销售额（元）" optional {...form.field("adSales")} />
    </Calculator>
  );
}
