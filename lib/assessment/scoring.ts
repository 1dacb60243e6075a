import type { Paper } from "@/lib/assessment/paper";
import { part1Key, part2Key, part3Key } from "@/lib/assessment/item-keys";
import type { AssessmentConfig } from "@/lib/content/question-schema";
import { gradeChoices, isCorrect } from "@/lib/quiz/grade";

// All scoring of a 结业考核 attempt: the auto-graded parts at submission, the rubric parts when a
// grader finalises, the weighted total and the outcome.

export type PartScores = { part1: number; part2: number; part3: number };
export type Outcome = "failed" | "passed" | "certified";
export type RubricItem = { key: string; part: 2 | 3; criterion: string; guide: string; max: number };
export type Scores = Record<string, { points: number; comment: string }>;

// Scores are sums of fractions such as 100·17/30; rounding to 9 places removes binary noise
// (74.99999999999 from 0.3·… arithmetic) without moving any real score across a threshold.
const clean = (x: number) => Math.round(x * 1e9) / 1e9;

/** Weighted total, weights in percent (30/30/40 by default, from config.yaml). */
export function finalScore(parts: PartScores, weights: AssessmentConfig["weights"]): number {
  return clean((parts.part1 * weights.part1 + parts.part2 * weights.part2 + parts.part3 * weights.part3) / 100);
}

/** ≥ pass mark passes; ≥ certificate mark earns the certificate (以上 includes the mark itself). */
export function outcome(score: number, config: Pick<AssessmentConfig, "passScore" | "certificateScore">): Outcome {
  if (score >= config.certificateScore) return "certified";
  if (score >= config.passScore) return "passed";
  return "failed";
}

/**
 * A 结业考核 score (a part or the final): one decimal, truncated, so a 74.96 shows as 74.9 and never
 * as a passing-looking 75.0 (the marks are whole numbers, so the shown value never contradicts the
 * status). See docs/decisions/019-score-display.md.
 */
export function formatScore(score: number): string {
  return (Math.floor(clean(score) * 10) / 10).toFixed(1);
}

/**
 * A share shown as a percentage (a module quiz's 11/12): one decimal, half up (91.666… → 91.7,
 * 12.25 → 12.3). No status hangs on a quiz percentage, so rounding to the nearest is the honest read.
 */
export function formatPercent(percent: number): string {
  return (Math.round(clean(percent) * 10 + 1e-9) / 10).toFixed(1);
}

const choices = (value: unknown): string[] | undefined =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : undefined;

/** Auto-graded parts at submission: part 1 (0–100) and the case's choice points. */
export function gradeAtSubmission(paper: Paper, answers: Record<string, unknown>) {
  const part1 = gradeChoices(
    paper.part1.map(({ question }) => question),
    Object.fromEntries(paper.part1.map(({ question }) => [question.id, choices(answers[part1Key(question.id)])])),
  );
  let part2AutoPoints = 0;
  for (const q of paper.case.study.questions) {
    if (q.kind === "choice" && isCorrect(q.answer, choices(answers[part2Key(q.id)]))) part2AutoPoints += q.points;
  }
  return { part1Score: part1.score, part1Results: part1.results, part2AutoPoints };
}

/** The criteria a grader scores for this paper: the case's rubric (part 2) and the prompt's (part 3). */
export function rubricItems(paper: Paper): RubricItem[] {
  return [
    ...paper.case.study.rubric.map((r) => ({ key: part2Key(r.id), part: 2 as const, criterion: r.criterion, guide: r.guide, max: r.points })),
    ...paper.prompt.rubric.map((r) => ({ key: part3Key(r.id), part: 3 as const, criterion: `${r.standard} · ${r.criterion}`, guide: r.guide, max: r.points })),
  ];
}

export type GradeResult = { part2Score: number; part3Score: number; finalScore: number; outcome: Outcome };
export type GradeConfig = Pick<AssessmentConfig, "weights" | "passScore" | "certificateScore">;
export type RubricSubtotal = { points: number; max: number };

/** Rubric points entered so far and the rubric's maximum, per part (unscored criteria count 0). */
export function rubricSubtotals(items: readonly RubricItem[], scores: Scores): Record<2 | 3, RubricSubtotal> {
  const subtotal = (part: 2 | 3) =>
    items.filter((i) => i.part === part).reduce((t, i) => ({ points: t.points + (scores[i.key]?.points ?? 0), max: t.max + i.max }), { points: 0, max: 0 });
  return { 2: subtotal(2), 3: subtotal(3) };
}

/**
 * Part scores, the weighted total and the outcome from the rubric's criteria alone: what the
 * server stores when a grader finalises, and what the grading screen projects while points are
 * typed (the browser gets the criteria, never the paper's keys).
 */
export function gradeFromRubric(
  items: readonly RubricItem[],
  auto: { part1Score: number; part2AutoPoints: number },
  scores: Scores,
  config: GradeConfig,
): GradeResult {
  const subtotals = rubricSubtotals(items, scores);
  const part2Score = auto.part2AutoPoints + subtotals[2].points;
  const part3Score = subtotals[3].points;
  const total = finalScore({ part1: auto.part1Score, part2: part2Score, part3: part3Score }, config.weights);
  return { part2Score, part3Score, finalScore: total, outcome: outcome(total, config) };
}

/** Part scores, the weighted total and the outcome once a grader has scored the rubric. */
export function computeGrade(
  paper: Paper,
  auto: { part1Score: number; part2AutoPoints: number },
  scores: Scores,
  config: GradeConfig,
): GradeResult {
  return gradeFromRubric(rubricItems(paper), auto, scores, config);
}
