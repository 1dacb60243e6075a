import { describe, expect, it } from "vitest";
import { saveGradeFormSchema } from "@/lib/grading/schema";
import { firstIssue, formFields, formInput, NOT_A_FORM } from "@/lib/security/input";
import { z } from "@/lib/zod";

const form = (entries: [string, string][]) => {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
};

describe("formInput", () => {
  const schema = formInput(z.object({ name: z.string().min(1, "请填写姓名") }).strict());

  it("refuses anything that is not FormData with a zh-CN message", () => {
    for (const wrong of ["name=x", { name: "x" }, undefined, null, 42, ["name", "x"], new URLSearchParams("name=x")]) {
      const parsed = schema.safeParse(wrong);
      expect(parsed.success).toBe(false);
      expect(firstIssue(parsed.error!)).toBe(NOT_A_FORM);
    }
  });

  it("parses a form, keeping React's progressive-enhancement fields out", () => {
    expect(schema.parse(form([["name", "张三"], ["$ACTION_KEY", "k"]]))).toEqual({ name: "张三" });
  });

  it("keeps hostile field names as plain keys, never as a prototype", () => {
    const fields = formFields(form([["__proto__", "x"], ["constructor", "y"], ["points:__proto__", "1"]]));
    expect(Object.getPrototypeOf(fields)).toBeNull();
    expect(Object.keys(fields)).toEqual(["__proto__", "constructor", "points:__proto__"]);
    expect(({} as Record<string, unknown>).points).toBeUndefined();
    expect(schema.safeParse(form([["name", "a"], ["__proto__", "x"]])).success).toBe(false);
  });
});

describe("the grading form", () => {
  const base: [string, string][] = [["attemptId", "abc123"], ["version", "0"], ["intent", "draft"]];

  it("refuses a score for `__proto__` without touching Object.prototype", () => {
    const parsed = saveGradeFormSchema.safeParse(form([...base, ["points:__proto__", "5"], ["comment:__proto__", "x"]]));
    expect(parsed.success).toBe(false);
    expect(firstIssue(parsed.error!)).toBe("评分项无效");
    expect(Object.prototype).not.toHaveProperty("points");
    expect(Object.prototype).not.toHaveProperty("comment");
  });

  it("reports the real problem first: a 5,001-character comment is too long, not a bad number", () => {
    const parsed = saveGradeFormSchema.safeParse(form([...base, ["comment", "评".repeat(5001)], ["points:p2:q1", "3"]]));
    expect(firstIssue(parsed.error!)).toBe("总评不能超过 5000 字");
  });

  it("reads scores and leaves unscored items out", () => {
    const parsed = saveGradeFormSchema.parse(form([...base, ["points:p2:q1", "3"], ["comment:p2:q1", "好"], ["points:p3:c1", " "], ["comment:p3:c1", "未评"]]));
    expect(parsed).toEqual({ attemptId: "abc123", version: 0, intent: "draft", comment: "", scores: { "p2:q1": { points: 3, comment: "好" } } });
  });
});
