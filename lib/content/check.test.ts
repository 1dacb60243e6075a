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

describe("unknownComponents", () => {
  it("ignores code fences and known components", () => {
    const source = "<Callout>ok</Callout>\n```\n<NotReal />\n```\n";
    expect(unknownComponents(source, "x.mdx")).toEqual([]);
  });
});
