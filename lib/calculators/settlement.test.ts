import { describe, expect, it } from "vitest";
import { calculateSettlement, parseSettlement, type SettlementValues } from "@/lib/calculators/settlement";

const base: SettlementValues = {
  orderAmount: "10000",
  commissionUnit: "rate",
  commission: "5",
  promotionFees: "800",
  refunds: "200",
  model: "pop",
};

function settle(values: Partial<SettlementValues>) {
  const parsed = parseSettlement({ ...base, ...values });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return calculateSettlement(parsed.data);
}

describe("parseSettlement", () => {
  it("explains missing and wrong input per field", () => {
    const parsed = parseSettlement({ ...base, orderAmount: "", commission: "abc", refunds: "-1" });
    expect(parsed).toEqual({
      ok: false,
      errors: { orderAmount: "请输入订单金额", commission: "佣金须为数字，如 120 或 35.5", refunds: "退款金额不能为负数" },
    });
  });

  it("rejects a rate over 100%, and a commission or refund larger than the order", () => {
    expect(parseSettlement({ ...base, commission: "120" })).toMatchObject({ errors: { commission: "佣金比例不能超过 100%" } });
    expect(parseSettlement({ ...base, commissionUnit: "amount", commission: "12000" })).toMatchObject({
      errors: { commission: "佣金不能超过订单金额" },
    });
    expect(parseSettlement({ ...base, refunds: "10001" })).toMatchObject({ errors: { refunds: "退款金额不能超过订单金额" } });
  });
});

describe("calculateSettlement", () => {
  it("subtracts commission, promotion fees and refunds (POP: T+7)", () => {
    expect(settle({})).toMatchObject({ commission: 500, deductions: 1500, amount: 8500, days: 7, rateOutsideRange: false });
  });

  it("accepts the commission as an amount and settles 自营 at T+14", () => {
    expect(settle({ commissionUnit: "amount", commission: "300", model: "self" })).toMatchObject({
      commission: 300,
      commissionRate: 3,
      amount: 8700,
      days: 14,
    });
  });

  it("treats empty promotion fees and refunds as 0", () => {
    expect(settle({ promotionFees: "", refunds: "" })).toMatchObject({ amount: 9500 });
  });

  it("reports a negative settlement instead of hiding it", () => {
    const result = settle({ orderAmount: "1000", promotionFees: "1500", refunds: "100" });
    expect(result).toMatchObject({ deductions: 1650, amount: -650, promotionShare: 1.5 });
  });

  it("flags a commission rate outside the deck's 2%–10%", () => {
    expect(settle({ commission: "12" }).rateOutsideRange).toBe(true);
    expect(settle({ commission: "2" }).rateOutsideRange).toBe(false);
    expect(settle({ commission: "10" }).rateOutsideRange).toBe(false);
  });

  it("rounds money to the cent", () => {
    expect(settle({ orderAmount: "99.99", commission: "3", promotionFees: "", refunds: "" })).toMatchObject({
      commission: 3,
      amount: 96.99,
    });
  });
});
