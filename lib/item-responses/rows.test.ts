import { describe, expect, it } from "vitest";
import { gradeAtSubmission } from "@/lib/assessment/scoring";
import type { Paper } from "@/lib/assessment/paper";
import { chosenIds, chosenKey, part1Responses, quizResponses } from "@/lib/item-responses/rows";
import { itemFiltersQuery, parseItemFilters } from "@/lib/analytics/schema";

describe("item response rows of graded attempts", () => {
  it("keys quiz items by module and keeps the review's verdict, version and options", () => {
    const rows = quizResponses(
      "platform-basics",
      50,
      [
        { id: "q1", version: "v1", chosen: ["c", "a"], correct: true },
        { id: "q2", chosen: "junk", correct: "yes" },
      ],
      true,
    );
    expect(rows).toEqual([
      { bank: "quiz/platform-basics", itemKey: "quiz/platform-basics/q1", version: "v1", correct: true, chosen: "a,c", total: 50, first: true, position: 0 },
      { bank: "quiz/platform-basics", itemKey: "quiz/platform-basics/q2", version: null, correct: false, chosen: "", total: 50, first: true, position: 1 },
    ]);
  });

  it("keeps a confidence-marked answer's confidence, and only a valid one", () => {
    const rows = quizResponses("m", 0, [{ id: "q1", chosen: ["a"], correct: false, confidence: 3 }, { id: "q2", chosen: ["b"], correct: true, confidence: 7 }], false);
    expect(rows.map((r) => r.confidence)).toEqual([3, undefined]);
    expect("confidence" in rows[1]).toBe(false);
  });

  it("takes part 1 from the paper's own questions and the grading results, all-or-nothing for multiple choice", () => {
    const question = (id: string, answer: string[]) => ({ question: { id, answer, version: `v-${id}` }, order: [] });
    const paper = { part1: [question("x", ["a", "c"]), question("y", ["b"]), question("z", ["d"])], case: { study: { questions: [] } } } as unknown as Paper;
    const { part1Results, part1Score } = gradeAtSubmission(paper, { "p1:x": ["c", "a"], "p1:y": ["a", "b"] });
    const rows = part1Responses(paper, part1Results, part1Score, false);
    expect(rows.map((r) => [r.itemKey, r.version, r.correct, r.chosen, r.first, r.position])).toEqual([
      ["p1/x", "v-x", true, "a,c", false, 0],
      ["p1/y", "v-y", false, "a,b", false, 1],
      ["p1/z", "v-z", false, "", false, 2],
    ]);
    expect(rows.every((r) => r.bank === "p1" && r.total === part1Score)).toBe(true);
  });

  it("stores chosen options distinct and sorted, and reads them back", () => {
    expect(chosenKey(["b", "a", "b"])).toBe("a,b");
    expect(chosenKey([])).toBe("");
    expect(chosenKey("a")).toBe("");
    expect(chosenIds("a,b")).toEqual(["a", "b"]);
    expect(chosenIds("")).toEqual([]);
  });
});

describe("item filters from the query string", () => {
  it("defaults and falls back on bad values", () => {
    expect(parseItemFilters({})).toEqual({ scope: "first", flagged: false });
    expect(parseItemFilters({ scope: "everything", flagged: "yes" })).toEqual({ scope: "first", flagged: false });
    expect(parseItemFilters(new URLSearchParams("scope=all&flagged=1"))).toEqual({ scope: "all", flagged: true });
    expect(parseItemFilters({ scope: ["all", "first"] })).toEqual({ scope: "all", flagged: false });
  });

  it("writes only what differs from the defaults", () => {
    expect(itemFiltersQuery({ scope: "first", flagged: false })).toBe("");
    expect(itemFiltersQuery({ scope: "all", flagged: true })).toBe("?scope=all&flagged=1");
  });
});
