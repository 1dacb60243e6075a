"use client";

import { Calculator, Message, Pending, ResultRow, ResultRows } from "@/components/mdx/calculators/calculator";
import { ChoiceField } from "@/components/mdx/calculators/choice-field";
import { NumberField } from "@/components/mdx/calculators/number-field";
import { useCalculatorForm } from "@/components/mdx/calculators/use-calculator-form";
import { formatNumber, formatPercent, formatYuan } from "@/lib/calculators/format";
import { calculateSettlement, MARKETING_SHARE_MAX, parseSettlement, type SettlementResult } from "@/lib/calculators/settlement";

const UNITS = [
  { value: "rate", label: "按比例（%）" },
  { value: "amount", label: "按金额（元）" },
] as const;
const MODELS = [
  { value: "pop", label: "POP 店铺" },
  { value: "self", label: "京东自营" },
] as const;
const RATE_HINT = "京东按品类扣点 2%–10%：3C 数码约 2–5%，服装家居约 5–8%，美妆个护约 8–10%。";

function Notes({ result }: { result: SettlementResult }) {
  return (
    <>
      {result.amount < 0 ? (
        <Message tone="bad">
          结算金额为负：佣金、推广费用和退款合计 {formatYuan(result.deductions)}，比订单金额多{" "}
          {formatYuan(-result.amount)}。这一期没有货款可结算，差额需由商家承担，具体以商家后台“财务—账单管理”的账单为准。
        </Message>
      ) : null}
      {result.rateOutsideRange ? (
        <Message tone="warn">
          佣金比例 {formatNumber(result.commissionRate, 2)}% 不在平台常见扣点 2%–10% 之内，请核对所在类目的扣点。
        </Message>
      ) : null}
      {result.promotionShare > MARKETING_SHARE_MAX ? (
        <Message tone="warn">
          推广费用占订单金额的 {formatPercent(result.promotionShare)}，超过营销费用宜控制在销售额 15–20% 以内的建议。
        </Message>
      ) : null}
    </>
  );
}

export function SettlementCalculator({ title = "结算金额计算器" }: { title?: string }) {
  const form = useCalculatorForm(
    { orderAmount: "", commissionUnit: "rate", commission: "", promotionFees: "", refunds: "", model: "pop" },
    parseSettlement,
  );
  const unit = form.field("commissionUnit");
  const model = form.field("model");
  const result = form.parsed.ok ? calculateSettlement(form.parsed.data) : null;

  return (
    <Calculator
      title={title}
      intro="结算金额 = 订单金额 − 平台佣金 − 推广费用 − 退款。"
      result={
        result ? (
          <>
            <ResultRows>
              <ResultRow label="订单金额">{formatYuan(result.orderAmount)}</ResultRow>
              <ResultRow label={`平台佣金（${formatNumber(result.commissionRate, 2)}%）`}>− {formatYuan(result.commission)}</ResultRow>
              <ResultRow label="推广费用">− {formatYuan(result.promotionFees)}</ResultRow>
              <ResultRow label="退款">− {formatYuan(result.refunds)}</ResultRow>
              <ResultRow label="结算金额" total>
                {formatYuan(result.amount)}
              </ResultRow>
              <ResultRow label="结算周期">T+{result.days}（{result.days === 7 ? "POP 店铺" : "京东自营"}）</ResultRow>
            </ResultRows>
            <Notes result={result} />
            <p className="calculator__note">每周固定日期出账，明细见商家后台“财务—账单管理”。</p>
          </>
        ) : (
          <Pending hasErrors={form.hasVisibleErrors} hint="填写订单金额和佣金后，这里会即时显示结算金额。" />
        )
      }
    >
      <NumberField label="订单金额（元）" placeholder="如 10000" {...form.field("orderAmount")} />
      <ChoiceField id={unit.id} legend="佣金填写方式" options={UNITS} value={unit.value} onChange={unit.onChange} />
      <NumberField
        label={unit.value === "rate" ? "平台佣金比例（%）" : "平台佣金金额（元）"}
        hint={unit.value === "rate" ? RATE_HINT : undefined}
        {...form.field("commission")}
      />
      <NumberField label="推广费用（元）" optional placeholder="0" {...form.field("promotionFees")} />
      <NumberField label="退款金额（元）" optional placeholder="0" {...form.field("refunds")} />
      <ChoiceField id={model.id} legend="经营模式" options={MODELS} value={model.value} onChange={model.onChange} />
    </Calculator>
  );
}
