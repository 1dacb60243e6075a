import { describe, expect, it } from "vitest";
import { drawPaper } from "@/lib/assessment/paper";
import { readAssessment } from "@/lib/content/banks";
import { computeGrade, rubricItems, type Scores } from "@/lib/assessment/scoring";
import { scoreErrors } from "@/lib/grading/grade";

const content = readAssessment().content!;
const paper = drawPaper(content, "grading-test");
const items = rubricItems(paper);
const full: Scores = Object.fromEntries(items.map((i) => [i.key, { points: i.max, comment: "" }]));

describe("rubric grading", () => {
  it("lists the case's and the prompt's criteria, part 3 summing to 100", () => {
    expect(items.filter((i) => i.part === 3).reduce((s, i) => s + i.max, 0)).toBe(100);
    expect(items.some((i) => i.part === 2)).toBe(true);
  });

  it("refuses scores above a criterion's maximum, negative or off the half-point grid, and unknown criteria", () => {
    const [first] = items;
    expect(scoreErrors(items, { [first.key]: { points: first.max + 1, comment: "" } }, false)[first.key]).toContain("不能超过");
    expect(scoreErrors(items, { [first.key]: { points: -1, comment: "" } }, false)[first.key]).toContain("负数");
    expect(scoreErrors(items, { [first.key]: { points: 0.3, comment: "" } }, false)[first.key]).toContain("0.5");
    expect(scoreErrors(items, { "p2:nope": { points: 1, comment: "" } }, false)["p2:nope"]).toBeDefined();
  });

  it("needs every criterion scored to finalise, not to save a draft", () => {
    expect(Object.keys(scoreErrors(items, {}, false))).toHaveLength(0);
    expect(Object.keys(scoreErrors(items, {}, true))).toHaveLength(items.length);
    expect(scoreErrors(items, full, true)).toEqual({});
  });

  it("computes part scores, the weighted total and the outcome", () => {
    const choicePoints = paper.case.study.questions.reduce((s, q) => s + (q.kind === "choice" ? q.points : 0), 0);
    const result = computeGrade(paper, { part1Score: 100, part2AutoPoints: choicePoints }, full, content.config);
    expect(result).toEqual({ part2Score: 100, part3Score: 100, finalScore: 100, outcome: "certified" });
    const none = computeGrade(paper, { part1Score: 50, part2AutoPoints: 0 }, {}, content.config);
    expect(none).toEqual({ part2Score: 0, part3Score: 0, finalScore: 15, outcome: "failed" });
  });
});
