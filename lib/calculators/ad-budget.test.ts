import { describe, expect, it } from "vitest";
import { calculateAdBudget, parseAdBudget, type AdBudgetValues } from "@/lib/calculators/ad-budget";

const base: AdBudgetValues = { dailySales: "1000", stage: "new", adSpend: "", adSales: "" };

function budget(values: Partial<AdBudgetValues>) {
  const parsed = parseAdBudget({ ...base, ...values });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return calculateAdBudget(parsed.data);
}

describe("parseAdBudget", () => {
  it("validates sales, spend and ad sales", () => {
    expect(parseAdBudget({ ...base, dailySales: "" })).toMatchObject({ errors: { dailySales: "请输入日均销售额" } });
    expect(parseAdBudget({ ...base, adSpend: "0" })).toMatchObject({ errors: { adSpend: "广告花费须大于 0" } });
    expect(parseAdBudget({ ...base, adSales: "-3" })).toMatchObject({ errors: { adSales: "广告销售额不能为负数" } });
  });
});

describe("calculateAdBudget", () => {
  it("recommends 30% of daily sales for a new product", () => {
    expect(budget({})).toEqual({ budget: { low: 300, high: 300 }, cpc: "ok" });
  });

  it("recommends 15–20% for a mature product", () => {
    expect(budget({ stage: "mature" }).budget).toEqual({ low: 150, high: 200 });
  });

  it("notes when the recommendation is below CPC's 100 元 minimum", () => {
    expect(budget({ dailySales: "300" }).cpc).toBe("below");
    expect(budget({ dailySales: "600", stage: "mature" }).cpc).toBe("partly-below");
    expect(budget({ dailySales: "400", stage: "mature" }).cpc).toBe("below");
    expect(budget({ dailySales: "500", stage: "mature" }).cpc).toBe("partly-below");
    expect(budget({ dailySales: "1000", stage: "mature" }).cpc).toBe("ok");
  });

  it("computes ROAS only when both spend and ad sales are given", () => {
    expect(budget({ adSpend: "100" }).roas).toBeUndefined();
    expect(budget({ adSpend: "100", adSales: "300" }).roas).toEqual({ value: 3, met: true });
    expect(budget({ adSpend: "200", adSales: "500" }).roas).toEqual({ value: 2.5, met: false });
    expect(budget({ adSpend: "200", adSales: "0" }).roas).toEqual({ value: 0, met: false });
  });
});
