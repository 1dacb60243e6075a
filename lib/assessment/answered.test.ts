import { describe, expect, it } from "vitest";
import { isAnswered, itemAnchor, paperItems, unansweredByPart } from "@/lib/assessment/answered";
import { publicPaper } from "@/lib/assessment/public-paper";
import { drawPaper } from "@/lib/assessment/paper";
import { attemptTokens } from "@/lib/assessment/rules";
import { readAssessment } from "@/lib/content/banks";

const paper = drawPaper(readAssessment().content!, "answered-seed");
const shown = publicPaper(paper, attemptTokens({ id: "att1", seed: "answered-seed", paper }));
const items = paperItems(shown);

describe("answered items of a paper", () => {
  it("lists every answer slot by part, numbered as the page shows them", () => {
    expect(items.filter((i) => i.part === 1)).toHaveLength(30);
    expect(items.filter((i) => i.part === 2)).toHaveLength(shown.case.questions.length);
    expect(items.filter((i) => i.part === 3).map((i) => i.label)[0]).toBe("1. 定位与选品");
    expect(new Set(items.map((i) => i.key)).size).toBe(items.length);
  });

  it("counts an empty choice or blank text as unanswered", () => {
    expect(isAnswered(undefined)).toBe(false);
    expect(isAnswered([])).toBe(false);
    expect(isAnswered("  \n")).toBe(false);
    expect(isAnswered(["tok"])).toBe(true);
    expect(isAnswered("定位")).toBe(true);
  });

  it("groups what is left by part and leaves out parts that are done", () => {
    const answers = Object.fromEntries(items.filter((i) => i.part !== 3 && i.number !== 2).map((i) => [i.key, i.part === 1 ? ["tok"] : "写了"]));
    const left = unansweredByPart(items, answers);
    expect(left.map((g) => [g.part, g.items.length])).toEqual([
      [1, 1],
      [2, 1],
      [3, 5],
    ]);
    expect(unansweredByPart(items, Object.fromEntries(items.map((i) => [i.key, "x"])))).toEqual([]);
  });

  it("makes element ids without the key's colon", () => {
    expect(itemAnchor("p1:rules-penalty")).toBe("item-p1-rules-penalty");
  });
});
