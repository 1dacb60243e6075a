import { describe, expect, it } from "vitest";
import { brokenInternalLinks, missingAltText } from "@/lib/content/source-rules";

describe("source rules", () => {
  it("requires alt text on images, with the line", () => {
    expect(missingAltText("正文\n![](./a.png)\n![店招示意](./b.png)\n", "x.mdx")).toEqual([
      { file: "x.mdx", line: 2, message: expect.stringContaining("缺少替代文字") },
    ]);
  });

  it("accepts links to existing pages and headings, and names broken ones", () => {
    const targets = new Map<string, string | undefined>([
      ["/modules/a", undefined],
      ["/modules/a/b", "## 学习目标\n\n## 安全库存\n"],
    ]);
    const source = [
      "[模块](/modules/a)",
      "[小节](/modules/a/b#安全库存)",
      "[没有的课](/modules/a/zzz)",
      "[没有的小节](/modules/a/b#不存在)",
      "[外部链接](https://jd.com)",
    ].join("\n");
    expect(brokenInternalLinks(source, "x.mdx", targets)).toEqual([
      { file: "x.mdx", line: 3, message: "链接 /modules/a/zzz 指向不存在的页面" },
      { file: "x.mdx", line: 4, message: "链接 /modules/a/b#不存在 指向的小节 #不存在 不存在" },
    ]);
  });
});
