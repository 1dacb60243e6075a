import { describe, expect, it } from "vitest";
import { parse, parseDocument } from "yaml";
import { keyBalanceProblems } from "@/lib/content/key-balance";
import { applyPlan, choiceQuestions, planBank, printYaml } from "./rebalance";

type Question = { id: string; type: string; options: { id: string; text: string }[]; answer: string[] };

function bank(): string {
  const single = Array.from({ length: 8 }, (_, i) =>
    [
      `  # question ${i}`,
      `  - id: s-${i}`,
      "    type: single",
      `    prompt: 单选 ${i}`,
      "    options:",
      `      - { id: a, text: 对 ${i} }`,
      // Pinned in second place (not last) so that a test can tell pinned from merely not moved.
      "      - { id: b, text: 以上都不对 }",
      `      - { id: c, text: 错 ${i}-2 }`,
      `      - { id: d, text: 错 ${i}-3 }`,
      "    answer: [a]",
      "    explanation: 解析",
    ].join("\n"),
  );
  const multiple = Array.from({ length: 4 }, (_, i) =>
    [`  - id: m-${i}`, "    type: multiple", `    prompt: 多选 ${i}`, "    options:", ...["a", "b", "c", "d", "e"].map((o) => `      - id: ${o}\n        text: ${o < "d" ? "对" : "错"} ${i}${o}`), "    answer: [a, b, c]", "    explanation: 解析"].join("\n"),
  );
  return `# a bank\nquestions:\n${[...single, ...multiple].join("\n\n")}\n`;
}

function rebalance(source: string): string {
  const doc = parseDocument(source);
  const questions = choiceQuestions(doc);
  planBank(questions, "test").forEach((target, i) => applyPlan(questions[i], target));
  return printYaml(doc);
}

const keyTexts = (q: Question) => q.options.filter((o) => q.answer.includes(o.id)).map((o) => o.text).sort();

describe("rebalance", () => {
  const before = parse(bank()).questions as Question[];
  const output = rebalance(bank());
  const after = parse(output).questions as Question[];

  it("keeps every question's correct options and letters options in file order", () => {
    after.forEach((q, i) => {
      expect(keyTexts(q)).toEqual(keyTexts(before[i]));
      expect(q.options.map((o) => o.id)).toEqual(["a", "b", "c", "d", "e"].slice(0, q.options.length));
    });
  });

  it("spreads the keys so that content:check accepts the bank", () => {
    const keyed = after.map((q) => ({ type: q.type as "single" | "multiple", answer: q.answer, file: "bank.yaml", line: 1 }));
    expect(keyBalanceProblems(keyed, "本测验")).toEqual([]);
    expect(new Set(after.filter((q) => q.type === "single").map((q) => q.answer[0]))).toEqual(new Set(["a", "c", "d"]));
  });

  it("leaves a 以上都不对 option where it is", () => {
    for (const q of after.filter((q) => q.type === "single")) expect(q.options[1].text).toBe("以上都不对");
  });

  it("keeps comments and flow style, and changes nothing when run again", () => {
    expect(output).toContain("# a bank\nquestions:\n  # question 0\n");
    expect(output).toMatch(/answer: \[[a-e], [a-e], [a-e]\]/);
    expect(output).toMatch(/- \{ id: a, text: \S+ \S+ \}/);
    expect(rebalance(output)).toBe(output);
  });
});
