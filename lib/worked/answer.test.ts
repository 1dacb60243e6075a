import { describe, expect, it } from "vitest";
import { decimalsOf, defaultTolerance, hintFor, judge, ruleText, type AnswerRule } from "@/lib/worked/answer";

const rule = (answer: number, unit?: string, tolerance?: number): AnswerRule => {
  const decimals = decimalsOf(answer);
  return { answer, decimals, tolerance: tolerance ?? defaultTolerance(decimals), unit };
};

describe("judge", () => {
  it("accepts the answer within half a unit of its last decimal, and what phones type", () => {
    expect(judge("37.5", rule(37.5, "%"))).toEqual({ kind: "right" });
    expect(judge("37.54", rule(37.5, "%"))).toEqual({ kind: "right" });
    expect(judge("３７.５%", rule(37.5, "%"))).toEqual({ kind: "right" });
    expect(judge("39,500", rule(39500, "元"))).toEqual({ kind: "right" });
    expect(judge("37.56", rule(37.5, "%")).kind).toBe("wrong");
  });

  it("tells a percentage typed as a ratio, a rounding slip and a plain mistake apart", () => {
    expect(judge("0.375", rule(37.5, "%"))).toEqual({ kind: "wrong", reason: "percent" });
    expect(judge("51.43", rule(51.4, "天"))).toEqual({ kind: "right" });
    expect(judge("51.5", rule(51.4, "天"))).toEqual({ kind: "wrong", reason: "rounding" });
    expect(judge("30", rule(37.5, "%"))).toEqual({ kind: "wrong", reason: "other" });
  });

  it("asks for a number when the field is empty or holds text", () => {
    expect(judge(" ", rule(1))).toEqual({ kind: "invalid", message: "请先填写一个数字" });
    expect(judge("大约 6", rule(6)).kind).toBe("invalid");
  });

  it("honours an author's tolerance and states it", () => {
    expect(judge("104", rule(100, "件", 5))).toEqual({ kind: "right" });
    expect(judge("106", rule(100, "件", 5)).kind).toBe("wrong");
    expect(ruleText(rule(100, "件", 5))).toBe("与正确答案相差 ±5 以内都算对");
    expect(ruleText(rule(140))).toBe("四舍五入到整数");
    expect(ruleText(rule(6.25))).toBe("四舍五入，保留 2 位小数");
  });
});

describe("hintFor", () => {
  it("prefers the author's hint for a plain mistake, else the fallback", () => {
    const r = rule(3.5);
    expect(hintFor({ kind: "wrong", reason: "other" }, r, "先算总花费", "默认")).toBe("先算总花费");
    expect(hintFor({ kind: "wrong", reason: "other" }, r, undefined, "默认")).toBe("默认");
    expect(hintFor({ kind: "wrong", reason: "rounding" }, r, "先算总花费", "默认")).toContain("保留 1 位小数");
  });
});
