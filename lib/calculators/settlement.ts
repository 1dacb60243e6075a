import { z } from "@/lib/zod";
import { finish, numberInput, optionalNumberInput, parseFields, type Values } from "@/lib/calculators/input";
import { roundCents, type Range } from "@/lib/calculators/format";

// T30 财务结算: settlement = order amount − commission − promotion fees − refunds;
// POP shops are settled T+7, 自营 T+14.
export const COMMISSION_RATE_RANGE: Range = { low: 2, high: 10 }; // % by category
export const SETTLEMENT_DAYS = { pop: 7, self: 14 } as const;
export const MARKETING_SHARE_MAX = 0.2; // marketing spend ≤ 15–20% of sales

export const settlementFields = {
  orderAmount: numberInput({ label: "订单金额", positive: true }),
  commissionUnit: z.enum(["rate", "amount"]),
  commission: numberInput({ label: "佣金" }),
  promotionFees: optionalNumberInput({ label: "推广费用" }),
  refunds: optionalNumberInput({ label: "退款金额" }),
  model: z.enum(["pop", "self"]),
};
export type SettlementValues = Values<typeof settlementFields>;
export type SettlementInput = z.output<z.ZodObject<typeof settlementFields>>;

export type SettlementResult = {
  orderAmount: number;
  commission: number; // 元
  commissionRate: number; // % of the order amount
  promotionFees: number;
  refunds: number;
  deductions: number; // commission + promotion fees + refunds
  amount: number; // may be negative: the deductions exceed the order amount
  days: 7 | 14; // T+days
  rateOutsideRange: boolean; // commission rate outside the deck's 2%–10%
  promotionShare: number; // promotion fees ÷ order amount
};

export function parseSettlement(values: SettlementValues) {
  const { data, errors } = parseFields(settlementFields, values);
  const { orderAmount, commission, commissionUnit, refunds } = data;
  if (commission !== undefined) {
    if (commissionUnit === "rate" && commission > 100) errors.commission = "佣金比例不能超过 100%";
    if (commissionUnit === "amount" && orderAmount !== undefined && commission > orderAmount) {
      errors.commission = "佣金不能超过订单金额";
    }
  }
  if (refunds !== undefined && orderAmount !== undefined && refunds > orderAmount) {
    errors.refunds = "退款金额不能超过订单金额";
  }
  return finish<SettlementInput>(data, errors);
}

export function calculateSettlement(input: SettlementInput): SettlementResult {
  const { orderAmount, commissionUnit, model } = input;
  const commission = roundCents(commissionUnit === "rate" ? (orderAmount * input.commission) / 100 : input.commission);
  const commissionRate = commissionUnit === "rate" ? input.commission : (commission / orderAmount) * 100;
  const promotionFees = input.promotionFees ?? 0;
  const refunds = input.refunds ?? 0;
  const deductions = roundCents(commission + promotionFees + refunds);
  return {
    orderAmount,
    commission,
    commissionRate,
    promotionFees,
    refunds,
    deductions,
    amount: roundCents(orderAmount - deductions),
    days: SETTLEMENT_DAYS[model],
    rateOutsideRange: commissionRate < COMMISSION_RATE_RANGE.low || commissionRate > COMMISSION_RATE_RANGE.high,
    promotionShare: promotionFees / orderAmount,
  };
}
