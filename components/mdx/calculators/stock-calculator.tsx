"use client";

import { Calculator, Message, Pending, ResultRow, ResultRows, type Tone } from "@/components/mdx/calculators/calculator";
import { NumberField } from "@/components/mdx/calculators/number-field";
import { useCalculatorForm } from "@/components/mdx/calculators/use-calculator-form";
import { formatNumber, formatRange, type Range } from "@/lib/calculators/format";
import { calculateStock, parseStock, type StockStatus } from "@/lib/calculators/stock";

const STATUS: Record<StockStatus, { tone: Tone; text: string }> = {
  below: { tone: "bad", text: "低于安全库存（不足 7 天销量）：应立即补货。" },
  safety: { tone: "warn", text: "处于安全库存区间（7–15 天销量）：低于你设定的安全库存线时，应触发补货。" },
  normal: { tone: "ok", text: "在合理范围内：高于安全库存，低于最高库存。" },
  high: { tone: "warn", text: "处于最高库存区间（30–45 天销量）：高于你设定的最高库存线时，应启动促销清库。" },
  above: { tone: "bad", text: "高于最高库存（超过 45 天销量）：应启动促销清库，暂停补货。" },
};

const pieces = (range: Range) => `${formatRange(range, (n) => formatNumber(n, 0))} 件`;

export function StockCalculator({ title = "库存预警计算器" }: { title?: string }) {
  const form = useCalculatorForm({ dailySales: "", currentStock: "" }, parseStock);
  const result = form.parsed.ok ? calculateStock(form.parsed.data) : null;
  const status = result?.current ? STATUS[result.current.status] : null;

  return (
    <Calculator
      title={title}
      intro="安全库存 = 平均 7–15 天销量，最高库存 = 30–45 天销量。低于安全线要补货，高于最高线要清库。"
      result={
        result ? (
          <>
            <ResultRows>
              <ResultRow label="安全库存（7–15 天销量）">{pieces(result.safety)}</ResultRow>
              <ResultRow label="最高库存（30–45 天销量）">{pieces(result.maximum)}</ResultRow>
              {result.current ? (
                <ResultRow label="当前库存可售">约 {formatNumber(result.current.days, 1)} 天</ResultRow>
              ) : null}
            </ResultRows>
            {status ? <Message tone={status.tone}>{status.text}</Message> : null}
            <p className="calculator__note">件数按整件向上取整。</p>
          </>
        ) : (
          <Pending hasErrors={form.hasVisibleErrors} hint="填写日均销量后，这里会即时显示安全库存和最高库存。" />
        )
      }
    >
      <NumberField label="日均销量（件/天）" placeholder="如 20" {...form.field("dailySales")} />
      <NumberField
        label="当前库存（件）"
        optional
        hint="填写后判断当前库存是否处于合理区间。"
        {...form.field("currentStock")}
      />
    </Calculator>
  );
}
