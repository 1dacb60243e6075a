import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readCourse } from "@/lib/content/load";
import { lessonSequence } from "@/lib/content/navigation";

function fixture(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), "content-"));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  return root;
}

const MODULE = "title: 模块\nsummary: 简介\nobjectives:\n  - 目标\norder: 1\nminutes: 10\n";
const LESSON = '---\ntitle: 第一课\norder: 1\nminutes: 5\nslides: ["页"]\ntopics: [T01]\n---\n\n## 学习目标\n\n正文\n';

describe("readCourse on the real content", () => {
  const { course, problems } = readCourse();

  it("has no problems", () => expect(problems).toEqual([]));

  it("has the 8 modules of the outline in order", () => {
    expect(course.modules.map((m) => m.title)).toEqual([
      "平台认知与开店准备",
      "店铺搭建与商品运营",
      "规则合规与服务履约",
      "流量获取：搜索与广告",
      "活动营销与内容引流",
      "数据驱动与用户经营",
      "供应链、财务与风险控制",
      "团队建设与品牌增长",
    ]);
  });

  it("gives module 1 its four lessons and every lesson a unique key", () => {
    expect(course.modules[0].lessons.map((l) => l.title)).toHaveLength(4);
    const keys = lessonSequence(course).map((l) => l.key);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe("readCourse on broken content", () => {
  it("loads a valid minimal module", () => {
    const { course, problems } = readCourse(fixture({ "01-intro/module.yaml": MODULE, "01-intro/01-first.mdx": LESSON }));
    expect(problems).toEqual([]);
    expect(course.modules[0].lessons[0]).toMatchObject({ key: "intro/first", title: "第一课" });
  });

  it("names the file and line of a bad frontmatter field", () => {
    const root = fixture({ "01-intro/module.yaml": MODULE, "01-intro/01-first.mdx": LESSON.replace("minutes: 5", "minutes: 五") });
    const { problems } = readCourse(root);
    expect(problems).toHaveLength(1);
    expect(problems[0].file).toMatch(/01-intro\/01-first\.mdx$/);
    expect(problems[0].line).toBe(4);
    expect(problems[0].message).toContain("minutes");
  });

  it("reports YAML syntax errors with their line", () => {
    const { problems } = readCourse(fixture({ "01-intro/module.yaml": "title: [未闭合\nsummary: x\n" }));
    expect(problems[0].file).toMatch(/module\.yaml$/);
    expect(problems[0].message).toContain("YAML");
  });

  it("reports a missing module file, a badly named lesson and a wrong order", () => {
    const { problems } = readCourse(
      fixture({
        "01-intro/module.yaml": MODULE,
        "01-intro/First Lesson.mdx": LESSON,
        "01-intro/02-second.mdx": LESSON,
        "02-empty/notes.txt": "",
      }),
    );
    const messages = problems.map((p) => `${path.basename(p.file)}:${p.line}: ${p.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^First Lesson\.mdx:1: 课程文件应命名为/),
        expect.stringMatching(/^02-second\.mdx:3: order 应与文件名编号一致（2）/),
        expect.stringMatching(/^module\.yaml:1: 缺少模块文件/),
      ]),
    );
  });

  it("refuses unknown frontmatter keys", () => {
    const { problems } = readCourse(fixture({ "01-intro/module.yaml": MODULE, "01-intro/01-first.mdx": LESSON.replace("order: 1", "order: 1\nanswer: B") }));
    expect(problems[0]).toMatchObject({ line: 4, message: expect.stringContaining("未知字段：answer") });
  });
});
