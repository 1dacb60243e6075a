import { describe, expect, it } from "vitest";
import { changedPart, copywritingProblems, maskJsxProps } from "@/lib/content/copywriting";

const lines = (file: string, source: string) => copywritingProblems(file, source).map((p) => p.line);

describe("copywriting lint of a lesson", () => {
  const lesson = [
    "---", //                                                      1
    "title: 京东广告体系", //                                        2
    'slides: ["京东广告体系：DMP与ROAS"]', //                         3
    "---", //                                                      4
    "", //                                                         5
    "## 两种计费方式", //                                            6
    "", //                                                         7
    "每天最少要投100元，按CPC计费。", //                              8
    "", //                                                         9
    '<Callout type="tip" title="新手用CPC更稳妥">', //                10
    "正文里说的都对。", //                                            11
    "</Callout>", //                                               12
    "", //                                                         13
    '<BarChart data={[{ label: "搜索53%", value: 53 }]} unit="%" />', // 14
    "", //                                                         15
    "代码 `const a=\"中文abc\"` 与链接 [京东](https://jd.com/中文abc) 都不查。", // 16
    "", //                                                         17
    "```js", //                                                    18
    'const title = "京东abc";', //                                  19
    "```", //                                                      20
    "", //                                                         21
    '他说"品牌馆能提升用户粘性"。', //                                   22
  ].join("\n");

  it("reports each problem at its line: spacing, ASCII quotes, 粘性", () => {
    const problems = copywritingProblems("content/01-a/01-b.mdx", lesson);
    expect(problems.map((p) => p.line)).toEqual([8, 22, 22]);
    expect(problems[0]).toMatchObject({ file: "content/01-a/01-b.mdx" });
    expect(problems[0].message).toContain("投 100 元");
    expect(problems.map((p) => p.message).join("\n")).toMatch(/ASCII 双引号[\s\S]*黏性/);
  });

  it("never reads JSX props, inline code, links, URLs or code blocks", () => {
    const clean = lesson.split("\n").map((line, i) => (i + 1 === 8 || i + 1 === 22 ? "" : line)).join("\n");
    expect(lines("content/01-a/01-b.mdx", clean)).toEqual([]);
  });

  it("reads the text between tags and the frontmatter's prose", () => {
    expect(lines("x.mdx", "---\ntitle: 第1课\n---\n\n<Callout>\n用CPC\n</Callout>\n")).toEqual([2, 6]);
  });

  it("keeps line numbers when props span lines", () => {
    const mdx = '<Compare\n  columns={["CPC", "CPM"]}\n  rows={[\n    { label: "门槛", values: ["每天100元", "每天1000元"] },\n  ]}\n/>\n\n第8行有ABC。\n';
    expect(maskJsxProps(mdx).split("\n")).toHaveLength(mdx.split("\n").length);
    expect(lines("x.mdx", mdx)).toEqual([8]);
  });
});

describe("copywriting lint of a bank", () => {
  const bank = [
    "questions:", //                                        1
    "  - id: m1-roi-2x", //                                 2
    "    lesson: ai-tools", //                              3
    "    type: single", //                                  4
    "    prompt: 预算与ROI的关系是？", //                       5
    "    options:", //                                      6
    "      - { id: a, text: 提升30% }", //                    7
    "      - { id: b, text: 不变 }", //                       8
    "    answer: [a]", //                                   9
    "    explanation: |", //                               10
    "      第一行没有问题。", //                                11
    '      第二行写了"引号"。', //                               12
    "data: |", //                                          13
    '  <BarChart data={[{ label: "搜索53%", value: 53 }]} />', // 14
    "  用户粘性", //                                        15
  ].join("\n");

  it("reads string values only, each problem at its own line, block scalars included", () => {
    expect(lines("content/assessment/part1/x.yaml", bank)).toEqual([5, 7, 12, 15]);
  });

  it("passes clean prose and leaves ids alone", () => {
    expect(lines("q.yaml", "questions:\n  - id: p1-mkt-cpc-100\n    prompt: 每天投 100 元，按 CPC 计费。\n")).toEqual([]);
  });
});

describe("changedPart", () => {
  it("shows the change with a little context", () => {
    expect(changedPart("包含五个部分：预算与ROI、KPI。", "包含五个部分：预算与 ROI、KPI。")).toEqual(["…：预算与ROI、…", "…：预算与 ROI、…"]);
    expect(changedPart("用CPC", "用 CPC")).toEqual(["用CPC", "用 CPC"]);
  });
});
