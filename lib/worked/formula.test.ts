import { describe, expect, it } from "vitest";
import { evaluate, FormulaError, namesIn, parseFormula, substitute } from "@/lib/worked/formula";

const scope = (entries: Record<string, number>) => new Map(Object.entries(entries));

describe("parseFormula / evaluate", () => {
  it("reads Chinese names, × ÷ −, full-width parentheses and percentages", () => {
    const f = parseFormula("订单金额 × （1 − 扣点比例） ÷ 2 + 5%");
    expect(namesIn(f)).toEqual(["订单金额", "扣点比例"]);
    expect(evaluate(f, scope({ 订单金额: 1000, 扣点比例: 0.04 }))).toBeCloseTo(480.05, 10);
  });

  it("keeps precedence: × and ÷ before + and −, left to right", () => {
    expect(evaluate(parseFormula("10 - 4 - 3"), new Map())).toBe(3);
    expect(evaluate(parseFormula("8 / 4 / 2"), new Map())).toBe(1);
    expect(evaluate(parseFormula("2 + 3 * 4"), new Map())).toBe(14);
    expect(evaluate(parseFormula("-(2 + 3) * 4"), new Map())).toBe(-20);
  });

  it("gives undefined for an unknown name or a division by zero", () => {
    expect(evaluate(parseFormula("甲 ÷ 乙"), scope({ 甲: 1 }))).toBeUndefined();
    expect(evaluate(parseFormula("甲 ÷ 乙"), scope({ 甲: 1, 乙: 0 }))).toBeUndefined();
  });

  it("refuses anything but arithmetic, with a zh-CN reason", () => {
    for (const text of ["", "a.b", "Math.max(1, 2)", "1 +", "(1 + 2", "2 件", "x = 1", "1 ** 2"]) {
      expect(() => parseFormula(text), text).toThrow(FormulaError);
    }
    expect(() => parseFormula("a.b")).toThrow("「.」");
    expect(() => parseFormula("(1 + 2")).toThrow("括号");
  });

  it("writes the formula out with numbers in place of names", () => {
    const f = parseFormula("点击人数/曝光次数*(1-折扣)");
    expect(substitute(f, (n) => n)).toBe("点击人数 ÷ 曝光次数 × (1 − 折扣)");
    expect(substitute(f, (n) => ({ 点击人数: "1,200", 曝光次数: "20,000", 折扣: "80%" })[n] ?? n)).toBe("1,200 ÷ 20,000 × (1 − 80%)");
  });
});
