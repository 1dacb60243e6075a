import { describe, expect, it } from "vitest";
import { formatPercent, formatRange, formatYuan, roundCents } from "@/lib/calculators/format";
import { finish, normalizeNumber, numberInput, optionalNumberInput, parseFields, readNumber } from "@/lib/calculators/input";

describe("readNumber", () => {
  const rule = { label: "日均销量" };

  it("explains empty, non-numeric and negative input in Chinese", () => {
    expect(readNumber("", rule)).toBe("请输入日均销量");
    expect(readNumber("   ", rule)).toBe("请输入日均销量");
    expect(readNumber("abc", rule)).toBe("日均销量须为数字，如 120 或 35.5");
    expect(readNumber("1.2.3", rule)).toBe("日均销量须为数字，如 120 或 35.5");
    expect(readNumber("-5", rule)).toBe("日均销量不能为负数");
    expect(readNumber("1e20", rule)).toBe("日均销量须为数字，如 120 或 35.5");
  });

  it("applies the positive, integer and size rules", () => {
    expect(readNumber("0", { ...rule, positive: true })).toBe("日均销量须大于 0");
    expect(readNumber("0", rule)).toBe(0);
    expect(readNumber("2.5", { ...rule, integer: true })).toBe("日均销量须为整数");
    expect(readNumber("10000000000000", rule)).toBe("日均销量过大，请检查是否多输了位数");
  });

  it("accepts separators, spaces and full-width digits", () => {
    expect(normalizeNumber(" １２，３４５．５ ")).toBe("12345.5");
    expect(readNumber("1,200", rule)).toBe(1200);
    expect(readNumber("３５．５", rule)).toBe(35.5);
    expect(readNumber(".5", rule)).toBe(0.5);
  });
});

describe("parseFields", () => {
  const shape = { a: numberInput({ label: "甲" }), b: optionalNumberInput({ label: "乙" }) };

  it("reports every field's error at once", () => {
    const { data, errors } = parseFields(shape, { a: "", b: "x" });
    expect(errors).toEqual({ a: "请输入甲", b: "乙须为数字，如 120 或 35.5" });
    expect(finish(data, errors)).toEqual({ ok: false, errors });
  });

  it("leaves an empty optional field undefined", () => {
    const { data, errors } = parseFields(shape, { a: "3", b: "" });
    expect(finish(data, errors)).toEqual({ ok: true, data: { a: 3, b: undefined } });
  });
});

describe("format", () => {
  it("formats with the zh-CN locale", () => {
    expect(formatYuan(1234.5)).toBe("1,234.50 元");
    expect(formatPercent(0.0625)).toBe("6.3%");
    expect(formatRange({ low: 7, high: 15 }, String)).toBe("7–15");
    expect(formatRange({ low: 3, high: 3 }, String)).toBe("3");
    expect(Object.is(roundCents(-0.001), 0)).toBe(true);
  });
});
