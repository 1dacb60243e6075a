import type { RubricItem, Scores } from "@/lib/assessment/scoring";

/** zh-CN messages per criterion key; a final grade needs every criterion scored. */
export function scoreErrors(items: RubricItem[], scores: Scores, complete: boolean): Record<string, string> {
  const errors: Record<string, string> = {};
  const known = new Set(items.map((i) => i.key));
  for (const key of Object.keys(scores)) if (!known.has(key)) errors[key] = "不是本答卷的评分项";
  for (const item of items) {
    const score = Object.hasOwn(scores, item.key) ? scores[item.key] : undefined;
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
