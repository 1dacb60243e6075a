import { describe, expect, it } from "vitest";
import { calculateFunnel, parseFunnel, type FunnelValues } from "@/lib/calculators/funnel";

const base: FunnelValues = { impressions: "10000", clicks: "800", carts: "160", orders: "40", payments: "34" };

function funnel(values: Partial<FunnelValues>) {
  const parsed = parseFunnel({ ...base, ...values });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return calculateFunnel(parsed.data);
}

describe("parseFunnel", () => {
  it("explains empty, decimal and negative counts", () => {
    expect(parseFunnel({ ...base, impressions: "", carts: "1.5", payments: "-1" })).toEqual({
      ok: false,
      errors: { impressions: "请输入曝光数", carts: "加购数须为整数", payments: "支付数不能为负数" },
    });
    expect(parseFunnel({ ...base, impressions: "0", clicks: "0" })).toMatchObject({ errors: { impressions: "曝光数须大于 0" } });
  });

  it("rejects a later stage larger than the one before it", () => {
    expect(parseFunnel({ ...base, clicks: "12000" })).toMatchObject({ errors: { clicks: "点击数不能大于曝光数（10,000）" } });
    expect(parseFunnel({ ...base, payments: "41" })).toMatchObject({ errors: { payments: "支付数不能大于下单数（40）" } });
  });

  it("still checks the order of stages while another field is empty", () => {
    expect(parseFunnel({ ...base, clicks: "900", carts: "1000", payments: "" })).toEqual({
      ok: false,
      errors: { carts: "加购数不能大于点击数（900）", payments: "请输入支付数" },
    });
  });
});

describe("calculateFunnel", () => {
  it("compares each conversion rate with the deck's average range", () => {
    const { stages } = funnel({});
    expect(stages.map((s) => [s.name, s.rate, s.status])).toEqual([
      ["曝光→点击", 0.08, "within"],
      ["点击→加购", 0.2, "within"],
      ["加购→下单", 0.25, "below"],
      ["下单→支付", 0.85, "within"],
    ]);
  });

  it("names the stage furthest below its range, relative to the lower bound", () => {
    // 曝光→点击 4% is 0.8 of 5%; 加购→下单 25% is 0.83 of 30%: the first is weaker.
    const result = funnel({ clicks: "400", carts: "80", orders: "20", payments: "17" });
    expect(result.weakest.name).toBe("曝光→点击");
    expect(result.weakestBelow).toBe(true);
    expect(result.weakest.ofLow).toBeCloseTo(0.8);
  });

  it("still points at the relatively weakest stage when all are within range", () => {
    const result = funnel({ orders: "56", payments: "48" });
    expect(result.weakestBelow).toBe(false);
    expect(result.weakest.name).toBe("下单→支付");
  });

  it("cannot compute rates after a stage with zero people", () => {
    const result = funnel({ clicks: "0", carts: "0", orders: "0", payments: "0" });
    expect(result.stages.map((s) => s.status)).toEqual(["below", "unknown", "unknown", "unknown"]);
    expect(result.weakest.name).toBe("曝光→点击");
  });
});
