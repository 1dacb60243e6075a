import { describe, expect, it } from "vitest";
import { calculateStock, parseStock, stockStatus } from "@/lib/calculators/stock";

describe("parseStock", () => {
  it("requires a positive daily sales figure", () => {
    expect(parseStock({ dailySales: "", currentStock: "" })).toEqual({ ok: false, errors: { dailySales: "请输入日均销量" } });
    expect(parseStock({ dailySales: "0", currentStock: "" })).toMatchObject({ errors: { dailySales: "日均销量须大于 0" } });
  });

  it("validates the optional current stock", () => {
    expect(parseStock({ dailySales: "10", currentStock: "-1" })).toMatchObject({ errors: { currentStock: "当前库存不能为负数" } });
    expect(parseStock({ dailySales: "10", currentStock: "3.5" })).toMatchObject({ errors: { currentStock: "当前库存须为整数" } });
    expect(parseStock({ dailySales: "10", currentStock: "" })).toEqual({ ok: true, data: { dailySales: 10, currentStock: undefined } });
  });
});

describe("calculateStock", () => {
  it("gives 7–15 days of sales as safety stock and 30–45 days as maximum stock", () => {
    expect(calculateStock({ dailySales: 20 })).toEqual({ safety: { low: 140, high: 300 }, maximum: { low: 600, high: 900 } });
  });

  it("rounds up to whole pieces without floating-point surprises", () => {
    expect(calculateStock({ dailySales: 2.5 }).safety).toEqual({ low: 18, high: 38 });
    expect(calculateStock({ dailySales: 0.1 }).maximum).toEqual({ low: 3, high: 5 });
  });

  it("places the current stock against both lines", () => {
    const status = (stock: number) => calculateStock({ dailySales: 20, currentStock: stock }).current?.status;
    expect(status(139)).toBe("below");
    expect(status(140)).toBe("safety");
    expect(status(300)).toBe("safety");
    expect(status(301)).toBe("normal");
    expect(status(600)).toBe("high");
    expect(status(900)).toBe("high");
    expect(status(901)).toBe("above");
    expect(calculateStock({ dailySales: 20, currentStock: 500 }).current?.days).toBe(25);
  });

  it("treats zero stock as below safety stock", () => {
    expect(stockStatus(0, { low: 7, high: 15 }, { low: 30, high: 45 })).toBe("below");
  });
});
