import { describe, expect, it } from "vitest";
import { loadCourse, readLessonSource } from "@/lib/content/load";
import { buildIndex, search } from "@/lib/content/search";
import { plainText, splitSections } from "@/lib/content/search-text";

const index = buildIndex(loadCourse(), (file) => readLessonSource({ file }));

describe("course search", () => {
  it("finds a Chinese phrase and links to the heading it sits under", () => {
    const hits = search(index, "安全库存");
    expect(hits.length).toBeGreaterThan(0);
    expect(hits[0].href).toMatch(/^\/modules\/supply-finance-risk\/[a-z-]+#/);
    expect(hits.every((hit) => `${hit.lessonTitle}${hit.heading}${hit.text}`.includes("安全库存"))).toBe(true);
  });

  it("finds numbers inside components (the 53% search traffic share)", () => {
    const hits = search(index, "53%");
    expect(hits.some((hit) => hit.href.startsWith("/modules/search-and-ads/"))).toBe(true);
  });

  it("matches Latin terms case-insensitively", () => {
    expect(search(index, "roas").length).toBeGreaterThan(0);
  });

  it("needs the whole phrase, not just its characters", () => {
    expect(search(index, "库存安全保护期")).toEqual([]);
    expect(search(index, "   ")).toEqual([]);
  });

  it("marks the match in the snippet", () => {
    const [hit] = search(index, "价保");
    expect(hit.snippet.match).toBe("价保");
  });
});

describe("search text", () => {
  it("keeps component strings and drops syntax", () => {
    expect(plainText('<KeyFigure value="78%" label="移动端" />\n**加粗** [链接](/x)')).toBe("78% 移动端 加粗 链接");
  });

  it("splits at headings with rehype-slug ids", () => {
    const sections = splitSections("---\ntitle: x\n---\n引言\n## 第一节\n内容一\n### 小节 A\n内容二\n");
    expect(sections.map((s) => [s.headingId, s.text])).toEqual([
      [undefined, "引言"],
      ["第一节", "内容一"],
      ["小节-a", "内容二"],
    ]);
  });
});
