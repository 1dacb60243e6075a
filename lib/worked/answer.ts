// Checking a learner's number against the author's, in the browser (no zod here: this ships
// in the lesson's client bundle). The rule is stated to the learner next to the field.

import { normalizeNumber } from "@/lib/calculators/number-text";

export type AnswerRule = {
  answer: number;
  decimals: number; // how many decimals the answer is given to
  tolerance: number; // accepted distance from the answer, in the step's unit
  unit?: string;
};

export type Verdict =
  | { kind: "invalid"; message: string }
  | { kind: "right" }
  | { kind: "wrong"; reason: "percent" | "rounding" | "other" };

const EPSILON = 1e-9;

/** Decimal places of a number as written: 140 → 0, 6.25 → 2. */
export function decimalsOf(value: number): number {
  const text = String(value);
  if (/e/i.test(text)) return 4;
  return text.includes(".") ? text.length - text.indexOf(".") - 1 : 0;
}

/** Half a unit in the last decimal place: what rounding to `decimals` allows. */
export function defaultTolerance(decimals: number): number {
  return 0.5 * 10 ** -decimals;
}

export function within(value: number, rule: Pick<AnswerRule, "answer" | "tolerance">): boolean {
  return Math.abs(value - rule.answer) <= rule.tolerance + EPSILON;
}

/** The rule in one zh-CN phrase, shown under the field: 四舍五入到整数 / 保留 2 位小数 / 误差 ±5 以内. */
export function ruleText(rule: AnswerRule): string {
  if (Math.abs(rule.tolerance - defaultTolerance(rule.decimals)) > EPSILON) {
    return `与正确答案相差 ±${rule.tolerance} 以内都算对`;
  }
  return rule.decimals === 0 ? "四舍五入到整数" : `四舍五入，保留 ${rule.decimals} 位小数`;
}

/** Accepts what phones and Chinese IMEs type (full-width digits, 1,200), and a trailing % or unit-free number. */
export function judge(raw: string, rule: AnswerRule): Verdict {
  const text = normalizeNumber(raw).replace(/[%％]$/, "");
  if (text === "") return { kind: "invalid", message: "请先填写一个数字" };
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text)) return { kind: "invalid", message: "请只填数字，如 120 或 6.25（单位不用填）" };
  const value = Number(text);
  if (within(value, rule)) return { kind: "right" };
  if (rule.unit === "%" && (within(value * 100, rule) || within(value / 100, rule))) return { kind: "wrong", reason: "percent" };
  if (Math.abs(value - rule.answer) <= Math.max(rule.tolerance * 20, Math.abs(rule.answer) * 0.002)) {
    return { kind: "wrong", reason: "rounding" };
  }
  return { kind: "wrong", reason: "other" };
}

/** The zh-CN hint for a wrong answer: the author's own if given, else one that fits the mistake. */
export function hintFor(verdict: Extract<Verdict, { kind: "wrong" }>, rule: AnswerRule, authorHint: string | undefined, fallback: string): string {
  if (verdict.reason === "percent") return "数量级不对：这一步填百分数里的数字，例如 6% 就填 6。";
  if (verdict.reason === "rounding") return `很接近了，检查一下取舍：${ruleText(rule)}。`;
  return authorHint ?? fallback;
}
