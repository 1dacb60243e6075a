import type { Paper } from "@/lib/assessment/paper";
import { gradeChoices, isCorrect } from "@/lib/quiz/grade";

type Answers = Record<string, unknown>;

const choices = (value: unknown): string[] | undefined =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : undefined;

/** Auto-graded parts at submission: part 1 (0–100) and the case's choice points. */
export function gradeAtSubmission(paper: Paper, answers: Answers) {
  const part1 = gradeChoices(
    paper.part1.map(({ question }) => question),
    Object.fromEntries(paper.part1.map(({ question }) => [question.id, choices(answers[`p1:${question.id}`])])),
  );
  let part2AutoPoints = 0;
  for (const q of paper.case.study.questions) {
    if (q.kind === "choice" && isCorrect(q.answer, choices(answers[`p2:${q.id}`]))) part2AutoPoints += q.points;
  }
  return { part1Score: part1.score, part1Results: part1.results, part2AutoPoints };
}
