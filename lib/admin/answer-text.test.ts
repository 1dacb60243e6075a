import { describe, expect, it } from "vitest";
import { drawPaper } from "@/lib/assessment/paper";
import { readAssessment } from "@/lib/content/banks";
import { PLAN_SECTIONS } from "@/lib/content/question-schema";
import { answerLines, gradeLines } from "@/lib/admin/answer-text";

const paper = drawPaper(readAssessment().content!, "admin-view");

describe("answerLines", () => {
  it("lists every question of the paper once, with 未作答 when blank", () => {
    const lines = answerLines(paper, {});
    expect(lines).toHaveLength(paper.part1.length + paper.case.study.questions.length + PLAN_SECTIONS.length);
    expect(new Set(lines.map((l) => l.key)).size).toBe(lines.length);
    expect(lines.every((l) => l.answer === "（未作答）" && !l.answered)).toBe(true);
    expect(lines.filter((l) => l.part === 3).map((l) => l.prompt)).toEqual([...PLAN_SECTIONS]);
  });

  it("shows chosen options as their text, in the order the learner saw, and marks correctness", () => {
    const { question, order } = paper.part1[0];
    const wrong = question.options.find((o) => !question.answer.includes(o.id))!;
    const right = answerLines(paper, { [`p1:${question.id}`]: question.answer })[0];
    const expected = order.filter((id) => question.answer.includes(id)).map((id) => question.options.find((o) => o.id === id)!.text);
    expect(right).toMatchObject({ part: 1, answered: true, correct: true, answer: expected.join("；") });
    expect(right.prompt).toBe(`1. ${question.prompt}`);
    expect(answerLines(paper, { [`p1:${question.id}`]: [wrong.id] })[0]).toMatchObject({ correct: false, answer: wrong.text });
  });

  it("keeps written answers verbatim (line breaks, markup as text)", () => {
    const text = "第一行\n<script>alert(1)</script>";
    const line = answerLines(paper, { "p3:0": text }).find((l) => l.key === "p3:0");
    expect(line?.answer).toBe(text);
    expect(line?.correct).toBeUndefined();
  });

  it("returns nothing for an incomplete paper snapshot", () => {
    expect(answerLines({} as typeof paper, {})).toEqual([]);
    expect(gradeLines({} as typeof paper, {})).toEqual([]);
  });
});

describe("gradeLines", () => {
  it("pairs each rubric criterion with the grader's points and comment", () => {
    const first = paper.case.study.rubric[0];
    const lines = gradeLines(paper, { [`p2:${first.id}`]: { points: 5, comment: "数据引用准确" } });
    expect(lines).toHaveLength(paper.case.study.rubric.length + paper.prompt.rubric.length);
    expect(lines[0]).toEqual({ key: `p2:${first.id}`, part: 2, criterion: first.criterion, max: first.points, points: 5, comment: "数据引用准确" });
    expect(lines[1].points).toBeNull();
  });
});
