import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkContent } from "@/lib/content/check";
import { workedExampleProblems } from "@/lib/worked/check";

const HEAD = '---\ntitle: 第一课\norder: 1\nminutes: 5\nslides: ["页"]\ntopics: [T01]\n---\n';

/** A lesson whose example starts on line 11 of the file (line 1 is the frontmatter's ---). */
function lesson(answers = "{ 安全库存: 140, 最高库存: 600 }", extra = ""): string {
  return `${HEAD}
## 例题

<WorkedExample
  title="算库存线"${extra}
  steps={[
    { name: "安全库存", formula: "日均销量 × 7", unit: "件" },
    { name: "最高库存", formula: "日均销量 × 30", unit: "件" },
  ]}
  worked={{
    problem: "日均销量 20 件。",
    given: { 日均销量: 20 },
    answers: ${answers},
  }}
  faded={{ problem: "日均销量 10 件。", given: { 日均销量: 10 }, answers: { 安全库存: 70, 最高库存: 300 }, blanks: ["最高库存"] }}
  practice={{ problem: "日均销量 12 件。", given: { 日均销量: 12 }, answers: { 安全库存: 84, 最高库存: 360 } }}
/>
`;
}

describe("workedExampleProblems", () => {
  it("passes a consistent example", () => {
    expect(workedExampleProblems(lesson(), "a.mdx")).toEqual([]);
  });

  it("reports a wrong answer at the line of that answer", () => {
    const problems = workedExampleProblems(lesson("{ 安全库存: 140,\n      最高库存: 620 }"), "a.mdx");
    expect(problems).toEqual([
      { file: "a.mdx", line: 21, message: expect.stringContaining("「最高库存」：按公式 日均销量 × 30 算得 600，与写的 620 不符") },
    ]);
  });

  it("reports a schema problem at the line of the property", () => {
    const problems = workedExampleProblems(lesson('{ 安全库存: "140", 最高库存: 600 }'), "a.mdx");
    expect(problems).toEqual([{ file: "a.mdx", line: 20, message: expect.stringMatching(/^<WorkedExample> worked\.answers\.安全库存：.*必须是数字/) }]);
  });

  it("refuses variables and expressions in props, at their line", () => {
    const problems = workedExampleProblems(lesson("{ 安全库存: 20 * 7, 最高库存: 600 }"), "a.mdx");
    expect(problems).toEqual([{ file: "a.mdx", line: 20, message: "<WorkedExample> 的 worked 只能写数字、文字、数组和对象，不能写变量或表达式" }]);
  });

  it("refuses a prop the component does not have, at the component's line", () => {
    const problems = workedExampleProblems(lesson(undefined, '\n  color="red"'), "a.mdx");
    expect(problems).toEqual([{ file: "a.mdx", line: 11, message: expect.stringContaining("color") }]);
  });
});

describe("content:check", () => {
  it("runs the worked-example check on every lesson", async () => {
    const root = mkdtempSync(path.join(tmpdir(), "content-"));
    mkdirSync(path.join(root, "01-intro"));
    writeFileSync(path.join(root, "01-intro", "module.yaml"), "title: 模块\nsummary: 简介\nobjectives:\n  - 目标\norder: 1\nminutes: 10\n");
    writeFileSync(path.join(root, "01-intro", "01-first.mdx"), lesson("{ 安全库存: 150, 最高库存: 600 }"));
    const problems = await checkContent(root);
    expect(problems).toEqual([{ file: expect.stringMatching(/01-first\.mdx$/), line: 20, message: expect.stringContaining("「安全库存」：按公式 日均销量 × 7 算得 140，与写的 150 不符") }]);
  }, 60_000);
});
