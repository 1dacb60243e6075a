import { describe, expect, it } from "vitest";
import type { RubricItem } from "@/lib/assessment/scoring";
import { combinedComment, combinedScores, disputedCriteria, toleranceFor } from "@/lib/grading/double";

const items: RubricItem[] = [
  { key: "p2:a", part: 2, criterion: "诊断", guide: "", max: 12 },
  { key: "p3:b", part: 3, criterion: "目标", guide: "", max: 5 },
];
const s = (a: number, b: number, comment = "") => ({ "p2:a": { points: a, comment }, "p3:b": { points: b, comment } });

describe("double grading rules", () => {
  it("takes the tolerance as a share of each criterion's maximum, its edge included", () => {
    expect(toleranceFor(items[0], 20)).toBeCloseTo(2.4);
    expect(toleranceFor(items[1], 20)).toBe(1);
    // 12 → 9.5 is 2.5 > 2.4; 5 → 4 is exactly 1: agreed.
    expect(disputedCriteria(items, s(12, 5), s(9.5, 4), 20)).toEqual(["p2:a"]);
    expect(disputedCriteria(items, s(12, 5), s(10, 4), 20)).toEqual([]);
    // A criterion one grader left unscored counts as 0.
    expect(disputedCriteria(items, s(12, 5), { "p2:a": { points: 12, comment: "" } }, 20)).toEqual(["p3:b"]);
  });

  it("releases the mean of agreed criteria and the moderator's points on disputed ones", () => {
    expect(combinedScores(items, s(12, 5, "好"), s(11, 4, "较好"))).toEqual({
      "p2:a": { points: 11.5, comment: "好\n\n较好" },
      "p3:b": { points: 4.5, comment: "好\n\n较好" },
    });
    const moderated = combinedScores(items, s(12, 5), s(4, 4), { "p2:a": { points: 8, comment: "仲裁" } }, ["p2:a"]);
    expect(moderated).toEqual({ "p2:a": { points: 8, comment: "仲裁" }, "p3:b": { points: 4.5, comment: "" } });
    expect(combinedComment(" 甲 ", "", "仲裁意见")).toBe("仲裁意见\n\n甲");
  });
});
