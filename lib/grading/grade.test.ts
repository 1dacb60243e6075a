import { describe, expect, it } from "vitest";
import { drawPaper } from "@/lib/assessment/paper";
import { readAssessment } from "@/lib/content/banks";
import { computeGrade, gradeFromRubric, rubricItems, rubricSubtotals, type Scores } from "@/lib/assessment/scoring";
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

  it("projects from the rubric items alone exactly what finalising stores, with subtotals per part", () => {
    const part3 = items.filter((i) => i.part === 3);
    // Part 3 half scored, one part-2 criterion scored: the rest count 0 in the projection.
    const partial: Scores = Object.fromEntries([
      ...part3.slice(0, Math.ceil(part3.length / 2)).map((i) => [i.key, { points: i.max, comment: "" }] as const),
      [items[0].key, { points: 1.5, comment: "" }] as const,
    ]);
    const auto = { part1Score: 80, part2AutoPoints: 10 };
    const subtotals = rubricSubtotals(items, partial);
    expect(subtotals[3].max).toBe(100);
    expect(subtotals[3].points).toBe(part3.slice(0, Math.ceil(part3.length / 2)).reduce((s, i) => s + i.max, 0));
    expect(subtotals[2].points).toBe(1.5);
    const projected = gradeFromRubric(items, auto, partial, content.config);
    expect(projected).toEqual(computeGrade(paper, auto, partial, content.config));
    expect(projected.part2Score).toBe(11.5);
    expect(projected.finalScore).toBeCloseTo((80 * 30 + 11.5 * 30 + subtotals[3].points * 40) / 100, 9);
  });

  it("crosses the pass mark at 75 exactly as the server does (74.5 fails, 75 passes)", () => {
    const part3 = items.filter((i) => i.part === 3);
    const config = { weights: { part1: 0, part2: 0, part3: 100 }, passScore: 75, certificateScore: 90 };
    const upTo = (target: number): Scores => {
      let left = target;
      return Object.fromEntries(part3.map((i) => {
        const points = Math.min(i.max, left);
        left -= points;
        return [i.key, { points, comment: "" }];
      }));
    };
    expect(gradeFromRubric(items, { part1Score: 0, part2AutoPoints: 0 }, upTo(74.5), config).outcome).toBe("failed");
    expect(gradeFromRubric(items, { part1Score: 0, part2AutoPoints: 0 }, upTo(75), config).outcome).toBe("passed");
    expect(gradeFromRubric(items, { part1Score: 0, part2AutoPoints: 0 }, upTo(90), config).outcome).toBe("certified");
  });
});
