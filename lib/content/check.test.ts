import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkContent, unknownComponents } from "@/lib/content/check";

const MODULE = "title: 模块\nsummary: 简介\nobjectives:\n  - 目标\norder: 1\nminutes: 10\n";
const HEAD = '---\ntitle: 第一课\norder: 1\nminutes: 5\nslides: ["页"]\ntopics: [T01]\n---\n';

function moduleWith(lesson: string): string {
  const root = mkdtempSync(path.join(tmpdir(), "content-"));
  mkdirSync(path.join(root, "01-intro"));
  writeFileSync(path.join(root, "01-intro", "module.yaml"), MODULE);
  writeFileSync(path.join(root, "01-intro", "01-first.mdx"), lesson);
  return root;
}

describe("checkContent", () => {
  it("passes the real course", async () => {
    expect(await checkContent()).toEqual([]);
  }, 60_000);

  it("names the line of an unknown component", async () => {
    const problems = await checkContent(moduleWith(`${HEAD}\n## 标题\n\n<Quiz id="1" />\n`));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 11 });
    expect(problems[0].message).toContain("未知组件 <Quiz>");
  });

  it("names the line of an MDX syntax error", async () => {
    const problems = await checkContent(moduleWith(`${HEAD}\n## 标题\n\n正文\n\n<Callout type="tip">\n没有闭合\n`));
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0].file).toMatch(/01-first\.mdx$/);
    expect(problems[0].line).toBe(13);
    expect(problems[0].message).toContain("MDX");
  });

  it("refuses a topic used by two lessons", async () => {
    const root = moduleWith(`${HEAD}\n正文\n`);
    writeFileSync(path.join(root, "01-intro", "02-second.mdx"), HEAD.replace("order: 1", "order: 2") + "\n正文\n");
    const problems = await checkContent(root);
    expect(problems.map((p) => p.message)).toEqual([expect.stringContaining("T01 已在")]);
  });
});

const CONFIG = "weights: { part1: 30, part2: 30, part3: 40 }\npassScore: 75\ncertificateScore: 90\npart1Draw: { 平台规则: 1, 运营基础: 0, 营销策略: 0 }\nattemptsAllowed: 2\ntimeLimitMinutes: 120\n";

/** One 4-option single-choice question per key, its key at that position. */
function questions(keys: string[], fields: string): string {
  return keys
    .map((key, i) => `  - id: q-${i}\n${fields}    type: single\n    prompt: 题 ${i}\n    options:\n${["a", "b", "c", "d"].map((o) => `      - { id: ${o}, text: 选项 ${o} }\n`).join("")}    answer: [${key}]\n    explanation: 解析\n`)
    .join("");
}

describe("checkContent: keys spread over the option positions", () => {
  it("refuses a module quiz whose single-choice keys lean on one position, at its first such question", async () => {
    const root = moduleWith(`${HEAD}\n正文\n`);
    writeFileSync(path.join(root, "01-intro", "quiz.yaml"), `questions:\n${questions(["b", "a", "a", "a", "c", "d", "b", "c"], "    lesson: first\n")}`);
    expect(await checkContent(root)).toEqual([]);
    writeFileSync(path.join(root, "01-intro", "quiz.yaml"), `questions:\n${questions(["b", "a", "a", "a", "c", "a", "b", "c"], "    lesson: first\n")}`);
    expect(await checkContent(root)).toEqual([
      {
        file: path.relative(process.cwd(), path.join(root, "01-intro", "quiz.yaml")),
        line: 13,
        message: expect.stringContaining("本测验 8 道单选题中 4 道（50%）的答案是 a，任一位置不得超过 40%（各位置占比：a 50%、b 25%、c 25%）"),
      },
    ]);
  });

  it("measures each part-1 file on its own", async () => {
    const root = moduleWith(`${HEAD}\n正文\n`);
    mkdirSync(path.join(root, "assessment", "part1"), { recursive: true });
    writeFileSync(path.join(root, "assessment", "config.yaml"), CONFIG);
    const part1 = (keys: string[]) => `questions:\n${questions(keys, "    area: 平台规则\n    topic: T06\n")}`;
    writeFileSync(path.join(root, "assessment", "part1", "a.yaml"), part1(["a", "b", "c", "d", "a"]));
    writeFileSync(path.join(root, "assessment", "part1", "b.yaml"), part1(["b", "c", "c", "d", "c"]).replaceAll("q-", "r-").replaceAll("题 ", "问 "));
    const problems = await checkContent(root);
    expect(problems.map((p) => [path.basename(p.file), p.line])).toEqual([["b.yaml", 14]]);
    expect(problems[0].message).toContain("单选题答案偏向 c：本文件 5 道单选题中 3 道（60%）");
  });
});

describe("unknownComponents", () => {
  it("ignores code fences and known components", () => {
    const source = "<Callout>ok</Callout>\n```\n<NotReal />\n```\n";
    expect(unknownComponents(source, "x.mdx")).toEqual([]);
  });
});

describe("checkContent: Chinese copywriting", () => {
  it("reports a lesson line that breaks the copywriting rules, with its line", async () => {
    const problems = await checkContent(moduleWith(`${HEAD}\n## 标题\n\n正文没有问题。\n\n每天最少投100元。\n`));
    expect(problems).toEqual([expect.objectContaining({ line: 13, message: expect.stringContaining("投 100 元") })]);
    expect(problems[0].file).toMatch(/01-first\.mdx$/);
  });
});

describe("checkContent: a module quiz's confidenceMarking", () => {
  const keys = ["b", "a", "a", "c", "c", "d", "b", "d"];
  it("takes true or false and names the line of anything else", async () => {
    const root = moduleWith(`${HEAD}\n正文\n`);
    const file = path.join(root, "01-intro", "quiz.yaml");
    writeFileSync(file, `confidenceMarking: true\nquestions:\n${questions(keys, "    lesson: first\n")}`);
    expect(await checkContent(root)).toEqual([]);
    writeFileSync(file, `questions:\n${questions(keys, "    lesson: first\n")}confidenceMarking: 是\n`);
    const problems = await checkContent(root);
    expect(problems).toEqual([{ file: path.relative(process.cwd(), file), line: 90, message: "confidenceMarking: confidenceMarking 须为 true 或 false" }]);
  });
});
