import { describe, expect, it } from "vitest";
import { ItemStatsAccumulator } from "@/lib/analytics/item-stats";
import { ResponseCache } from "@/lib/analytics/response-cache";
import { firstAttempts, part1Respondent, quizRespondent } from "@/lib/analytics/responses";
import { itemFiltersQuery, parseItemFilters } from "@/lib/analytics/schema";

describe("stored attempts as respondents", () => {
  it("keys quiz items by module and keeps the review's verdict", () => {
    const r = quizRespondent("platform-basics", 50, [
      { id: "q1", chosen: ["a"], correct: true },
      { id: "q2", chosen: "junk", correct: "yes" },
    ]);
    expect(r).toEqual({
      total: 50,
      responses: [
        { itemId: "quiz/platform-basics/q1", correct: true, chosen: ["a"] },
        { itemId: "quiz/platform-basics/q2", correct: false, chosen: [] },
      ],
    });
  });

  it("grades part 1 against the paper's keys, all-or-nothing for multiple choice", () => {
    const r = part1Respondent(
      40,
      [{ id: "x", answer: ["a", "c"] }, { id: "y", answer: ["b"] }, { id: "z", answer: ["d"] }],
      { x: ["c", "a"], y: ["a", "b"] },
    );
    expect(r.responses.map((x) => [x.itemId, x.correct, x.chosen])).toEqual([
      ["p1/x", true, ["c", "a"]],
      ["p1/y", false, ["a", "b"]],
      ["p1/z", false, []],
    ]);
  });

  it("keeps the earliest attempt per group", () => {
    const rows = [
      { id: "b", group: "u1/m1", order: 2 },
      { id: "a", group: "u1/m1", order: 1 },
      { id: "c", group: "u2/m1", order: 5 },
    ];
    expect(firstAttempts(rows).map((r) => r.id).sort()).toEqual(["a", "c"]);
  });
});

describe("response cache", () => {
  it("replays exactly what was put, versions included", () => {
    const cache = new ResponseCache();
    cache.put("att1", 75, [
      { itemId: "p1/x", correct: true, chosen: ["a", "h"], version: "v1" },
      { itemId: "p1/y", correct: false, chosen: [], version: null },
    ]);
    const direct = new ItemStatsAccumulator();
    direct.add(75, { itemId: "p1/x", correct: true, chosen: ["a", "h"] });
    direct.add(75, { itemId: "p1/y", correct: false, chosen: [] });
    const replayed = new ItemStatsAccumulator();
    const versions: [string, string | null][] = [];
    expect(cache.replay("att1", replayed, (id, v) => versions.push([id, v]))).toBe(true);
    expect(replayed.stats("p1/x", ["a", "b"])).toEqual(direct.stats("p1/x", ["a", "b"]));
    expect(replayed.stats("p1/y")).toEqual(direct.stats("p1/y"));
    expect(versions).toEqual([["p1/x", "v1"], ["p1/y", null]]);
    cache.retain(new Set());
    expect(cache.replay("att1", replayed, () => {})).toBe(false);
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
