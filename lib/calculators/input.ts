import { normalizeNumber } from "@/lib/calculators/number-text";
import { z } from "@/lib/zod";

// Shared by every calculator: form values arrive as strings (what the user typed), are parsed
// field by field with zod, and every problem becomes a zh-CN message shown next to its field.

export type FieldErrors = Partial<Record<string, string>>;
export type Parsed<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

type NumberRule = {
  label: string; // the field's name inside messages, e.g. "日均销量"
  integer?: boolean;
  positive?: boolean; // zero is not allowed either
};

const LIMIT = 1e12; // anything larger is a typo (and loses precision)
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

export { normalizeNumber };

/** The number typed, or the zh-CN message explaining why it is not acceptable. */
export function readNumber(raw: string, rule: NumberRule): number | string {
  const text = normalizeNumber(raw);
  if (text === "") return `请输入${rule.label}`;
  if (!NUMBER.test(text)) return `${rule.label}须为数字，如 120 或 35.5`;
  const value = Number(text);
  if (value < 0) return `${rule.label}不能为负数`;
  if (rule.positive && value === 0) return `${rule.label}须大于 0`;
  if (rule.integer && !Number.isInteger(value)) return `${rule.label}须为整数`;
  if (value > LIMIT) return `${rule.label}过大，请检查是否多输了位数`;
  return value;
}

/** A required number field. */
export function numberInput(rule: NumberRule) {
  return z.string().transform((raw, ctx) => {
    const value = readNumber(raw, rule);
    if (typeof value === "number") return value;
    ctx.addIssue({ code: "custom", message: value });
    return z.NEVER;
  });
}

/** An optional number field: left empty it is `undefined`, otherwise validated like a required one. */
export function optionalNumberInput(rule: NumberRule) {
  return z.string().transform((raw, ctx) => {
    if (normalizeNumber(raw) === "") return undefined;
    const value = readNumber(raw, rule);
    if (typeof value === "number") return value;
    ctx.addIssue({ code: "custom", message: value });
    return z.NEVER;
  });
}

type Shape = Record<string, z.ZodType>;
export type Values<S extends Shape> = Record<keyof S, string>;
type Output<S extends Shape> = { [K in keyof S]: z.output<S[K]> };

/**
 * Parses each field on its own, so one empty field does not hide another field's error and
 * cross-field checks can run on whatever is already valid.
 */
export function parseFields<S extends Shape>(shape: S, values: Values<S>) {
  const data: Partial<Output<S>> = {};
  const errors: FieldErrors = {};
  for (const key of Object.keys(shape) as (keyof S & string)[]) {
    const result = shape[key].safeParse(values[key]);
    if (result.success) data[key] = result.data as Output<S>[typeof key];
    else errors[key] = result.error.issues[0]?.message ?? "输入有误";
  }
  return { data, errors };
}

/** Complete data once no field (nor cross-field check) reported an error. */
export function finish<T>(data: Partial<T>, errors: FieldErrors): Parsed<T> {
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, data: data as T };
}
