import type { Paper } from "@/lib/assessment/paper";
import { finalScore, outcome, type Outcome } from "@/lib/assessment/score";
import type { AssessmentConfig } from "@/lib/content/question-schema";

export type RubricItem = { key: string; part: 2 | 3; criterion: string; guide: string; max: number };
export type Scores = Record<string, { points: number; comment: string }>;

/** The criteria a grader scores for this paper: the case's rubric (part 2) and the prompt's (part 3). */
export function rubricItems(paper: Paper): RubricItem[] {
  return [
    ...paper.case.study.rubric.map((r) => ({ key: `p2:${r.id}`, part: 2 as const, criterion: r.criterion, guide: r.guide, max: r.points })),
    ...paper.prompt.rubric.map((r) => ({ key: `p3:${r.id}`, part: 3 as const, criterion: `${r.standard} · ${r.criterion}`, guide: r.guide, max: r.points })),
  ];
}

/** zh-CN messages per criterion key; a final grade needs every criterion scored. */
export function scoreErrors(items: RubricItem[], scores: Scores, complete: boolean): Record<string, string> {
  const errors: Record<string, string> = {};
  const known = new Set(items.map((i) => i.key));
  for (const key of Object.keys(scores)) if (!known.has(key)) errors[key] = "不是本答卷的评分项";
  for (const item of items) {
    const score = scores[item.key];
    if (!score) {
      if (complete) errors[item.key] = "完成批阅前须为每一项打分";
      continue;
    }
    if (!Number.isFinite(score.points) || score.points < 0) errors[item.key] = "分数不能为负数";
    else if (score.points > item.max) errors[item.key] = `分数不能超过该项满分 ${item.max} 分`;
    else if (Math.round(score.points * 2) !== score.points * 2) errors[item.key] = "分数最小单位为 0.5 分";
  }
  return errors;
}

export type GradeResult = { part2Score: number; part3Score: number; finalScore: number; outcome: Outcome };

/** Part scores, the weighted total and the status, by the same scoring code as the assessment. */
export function computeGrade(
  paper: Paper,
  auto: { part1Score: number; part2AutoPoints: number },
  scores: Scores,
  config: AssessmentConfig,
): GradeResult {
  const sum = (part: 2 | 3) => rubricItems(paper).filter((i) => i.part === part).reduce((total, i) => total + (scores[i.key]?.points ?? 0), 0);
  const part2Score = auto.part2AutoPoints + sum(2);
  const part3Score = sum(3);
  const total = finalScore({ part1: auto.part1Score, part2: part2Score, part3: part3Score }, config.weights);
  return { part2Score, part3Score, finalScore: total, outcome: outcome(total, config) };
}
