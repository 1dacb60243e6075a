import { describe, expect, it } from "vitest";
import { extractHeadings } from "@/lib/content/headings";
import { loadCourse, readLessonSource } from "@/lib/content/load";
import { buildIndex, indexPages, search, type SearchHit, type Segment } from "@/lib/content/search";
import { parseTerms, searchParamsSchema } from "@/lib/content/search-query";
import { plainText, splitSections } from "@/lib/content/search-text";
import matter from "gray-matter";

const course = loadCourse();
const lessonFiles = [...course.modules.flatMap((m) => m.lessons), ...course.wrapUp].map((l) => l.file);
const index = buildIndex(course, (file) => readLessonSource({ file }));

const marked = (segments: Segment[] = []) => segments.filter((s) => s.mark).map((s) => s.text);
const allMarks = (hit: SearchHit) => [...marked(hit.title), ...marked(hit.heading), ...marked(hit.snippet)];
const lessonText = (hit: SearchHit) => {
  const lesson = index.lessons.find((l) => hit.href.split("#")[0] === l.href)!;
  return [lesson.title.text, ...lesson.sections.flatMap((s) => [s.heading?.text ?? "", s.text.text])].join("\n");
};

describe("several words", () => {
  it("finds lessons holding every word, wherever they stand in the lesson", () => {
    const { hits, complete } = search(index, "安全库存 补货");
    expect(complete).toBe(true);
    expect(hits.length).toBeGreaterThan(0);
    for (const hit of hits) {
      expect(lessonText(hit)).toContain("安全库存");
      expect(lessonText(hit)).toContain("补货");
    }
    // Not as one phrase: the words are apart in the lesson.
    expect(lessonText(hits[0])).not.toContain("安全库存补货");
    expect(new Set(allMarks(hits[0]))).toEqual(new Set(["安全库存", "补货"]));
  });

  it("leaves out lessons that hold only some of the words when others hold them all", () => {
    const one = search(index, "库存").hits.length;
    const { hits, complete } = search(index, "库存 直播");
    expect(complete).toBe(true);
    expect(hits.length).toBeLessThan(one);
    expect(hits.every((hit) => lessonText(hit).includes("库存") && lessonText(hit).includes("直播"))).toBe(true);
    expect(hits.every((hit) => hit.missing.length === 0)).toBe(true);
  });

  it("finds 安全库存 计算 in the inventory lesson, both words marked", () => {
    const { hits, complete } = search(index, "安全库存 计算");
    expect(complete).toBe(true);
    expect(hits[0].href).toMatch(/^\/modules\/supply-finance-risk\/supply-chain-inventory#/);
    expect(hits[0].missing).toEqual([]);
  });

  it("when no lesson holds them all, shows the closest lessons and names the missing word", () => {
    const { hits, complete } = search(index, "安全库存 抖音");
    expect(complete).toBe(false);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.some((hit) => hit.href.startsWith("/modules/supply-finance-risk/supply-chain-inventory#") && hit.missing[0] === "抖音")).toBe(true);
    expect(hits.every((hit) => hit.missing.length === 1 && allMarks(hit).length > 0)).toBe(true);
  });

  it("ranks a title hit first, and words close together above words far apart", () => {
    expect(search(index, "库存").hits[0].lessonTitle).toContain("库存");
    const apart = `甲${"。".repeat(300)}乙`;
    const pages = [
      { href: "/a", context: "m", title: "远", source: `## 一\n${apart}\n` },
      { href: "/b", context: "m", title: "近", source: "## 二\n甲和乙\n" },
      { href: "/c", context: "m", title: "甲", source: "## 三\n乙\n" },
    ];
    expect(search(indexPages(pages), "甲 乙").hits.map((h) => h.href.split("#")[0])).toEqual(["/c", "/b", "/a"]);
  });

  it("needs each word as typed, not just its characters", () => {
    expect(search(index, "库存安全保护期").hits).toEqual([]);
    expect(search(index, "   ").hits).toEqual([]);
  });

  it("finds numbers and Latin terms inside components, case-insensitively", () => {
    expect(search(index, "53%").hits.some((hit) => hit.href.startsWith("/modules/search-and-ads/"))).toBe(true);
    const [roas] = search(index, "roas").hits;
    expect(marked(roas.snippet)).toContain("ROAS");
    expect(search(index, "ＲＯＡＳ").hits[0].href).toBe(roas.href);
  });

  it("links to the heading of the section that matched", () => {
    const [hit] = search(index, "价保").hits;
    const [path, anchor] = hit.href.split("#");
    const headings = extractHeadings(matter(readLessonSource({ file: lessonFiles.find((f) => f.includes("pricing"))! })).content);
    expect(path).toBe("/modules/store-and-products/pricing-and-price-protection");
    expect(headings.map((h) => h.id)).toContain(decodeURIComponent(anchor));
    expect(marked(hit.snippet)).toContain("价保");
  });
});

describe("pinyin", () => {
  it.each(["kucun", "ku cun", "KuCun"])("full pinyin %s finds 库存 and marks the characters", (query) => {
    const { hits } = search(index, query);
    expect(hits.length).toBeGreaterThan(5);
    expect(hits[0].lessonTitle).toContain("库存");
    expect(hits.every((hit) => allMarks(hit).some((m) => m === "库存"))).toBe(true);
  });

  it("takes a last syllable half typed (kucu → 库存)", () => {
    const { hits } = search(index, "kucu");
    expect(hits[0].lessonTitle).toContain("库存");
    expect(marked(hits[0].snippet)).toContain("库存");
  });

  it.each(["anquankucun", "an quan ku cun", "aqkc", "anqkc"])("%s finds 安全库存 (syllables, initials or both)", (query) => {
    const { hits } = search(index, query);
    expect(hits[0].href).toMatch(/supply-chain-inventory/);
    expect(marked(hits[0].snippet)).toContain("安全库存");
  });

  it("reads polyphones as their word does", () => {
    expect(search(index, "hangye").hits.some((hit) => allMarks(hit).includes("行业"))).toBe(true);
    expect(search(index, "xingye").hits.every((hit) => !allMarks(hit).includes("行业"))).toBe(true);
  });

  it("combines pinyin and Chinese words, all required", () => {
    const { hits, complete } = search(index, "kucun 补货");
    expect(complete).toBe(true);
    expect(hits.every((hit) => lessonText(hit).includes("补货"))).toBe(true);
    expect(hits.some((hit) => allMarks(hit).includes("库存"))).toBe(true);
  });

  it("finds nothing for pinyin the course does not contain, long or short", () => {
    expect(search(index, "zhitongche").hits).toEqual([]);
    expect(search(index, "shi".repeat(16) + "x").hits).toEqual([]);
  });
});

describe("snippets show lesson text only", () => {
  const COMPONENT_WORDS = /\b(warning|tip|info|example|Callout|KeyFigures?|Steps?|Compare|BarChart|Funnel|Timeline|\w+Calculator|caption|columns|rows|label|value|note|title|unit|data|stages|items)\b/;
  const queries = [
    ...new Set(index.lessons.flatMap((l) => [l.title.text, ...l.sections.flatMap((s) => (s.heading ? [s.heading.text] : []))])),
    "提示",
    "注意",
    "案例",
    "下一步",
    "短视频",
    "商品",
  ];

  it("no searchable text of the real course holds a component name, prop or Callout kind", () => {
    for (const lesson of index.lessons) {
      for (const section of lesson.sections) expect(section.text.text).not.toMatch(COMPONENT_WORDS);
    }
  });

  it(`no snippet over ${queries.length} queries (every title and heading) holds one`, () => {
    let snippets = 0;
    for (const q of queries) {
      for (const hit of search(index, q).hits) {
        snippets++;
        expect(hit.snippet.map((s) => s.text).join("")).not.toMatch(COMPONENT_WORDS);
      }
    }
    expect(snippets).toBeGreaterThan(queries.length);
  });

  it("keeps what components say: titles, labels, table cells, the body of a Callout", () => {
    const text = plainText(
      [
        '<Callout type="warning" title="别踩坑">先算清楚 **利润**</Callout>',
        '<BarChart title="流量" unit="%" data={[{ label: "搜索", value: 53 }]} />',
        '<Compare caption="对比" columns={["甲", "乙"]} rows={[{ label: "价格", values: ["低", "高"] }]} />',
        "<Steps>\n  <Step title=\"第一步\">报名</Step>\n</Steps>",
        "| 项 | 值 |\n| --- | --- |\n| 价保 | 7 天 |",
        "```\ncode\n```",
      ].join("\n\n"),
    );
    expect(text).toBe("别踩坑 先算清楚 利润 流量 搜索 53% 对比 甲 乙 价格 低 高 第一步 报名 项 值 价保 7 天");
  });

  it("splits every real lesson at the headings the lesson page renders, with the same ids", () => {
    for (const file of lessonFiles) {
      const source = readLessonSource({ file });
      const ids = splitSections(source).flatMap((s) => (s.headingId ? [s.headingId] : []));
      expect(ids, file).toEqual(extractHeadings(matter(source).content).map((h) => h.id));
    }
  });
});

describe("search input", () => {
  it("caps the length and the number of words with a zh-CN message", () => {
    const long = searchParamsSchema.safeParse({ q: "库".repeat(51) });
    expect(long.success).toBe(false);
    expect(long.error?.issues[0].message).toBe("搜索词不能超过 50 个字");
    const many = searchParamsSchema.safeParse({ q: "一 二 三 四 五 六 七 八 九" });
    expect(many.error?.issues[0].message).toBe("最多输入 8 个词，用空格分开");
  });

  it("takes the first of repeated parameters, trims, and ignores other keys", () => {
    expect(searchParamsSchema.parse({ q: [" 价保 ", "x"], __proto__x: "y" })).toEqual({ q: "价保" });
    expect(searchParamsSchema.parse({})).toEqual({ q: undefined });
  });

  it("joins whole pinyin syllables typed apart into one word, keeps other words apart", () => {
    const known = new Set(["ku", "cun", "an", "quan"]);
    expect(parseTerms("ku cun", known)).toEqual([{ text: "ku cun", pinyin: "kucun" }]);
    expect(parseTerms("ROAS acos，库存 库存", known)).toEqual([
      { text: "roas", pinyin: "roas" },
      { text: "acos", pinyin: "acos" },
      { text: "库存" },
    ]);
  });
});
