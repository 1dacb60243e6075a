import { describe, expect, it } from "vitest";
import { extractHeadings } from "@/lib/content/headings";

describe("extractHeadings", () => {
  it("returns h2/h3 with rehype-slug ids, skipping code blocks", () => {
    const body = "## 学习目标\n\n### 移动端占 78%：先为手机设计\n\n```md\n## 不是标题\n```\n\n## 学习目标\n";
    expect(extractHeadings(body)).toEqual([
      { depth: 2, text: "学习目标", id: "学习目标" },
      { depth: 3, text: "移动端占 78%：先为手机设计", id: "移动端占-78先为手机设计" },
      { depth: 2, text: "学习目标", id: "学习目标-1" },
    ]);
  });
});
