import { formatPercent } from "@/lib/assessment/scoring";
import { CONFIDENCE_LABELS, cbmMark, cbmScore, type Confidence } from "@/lib/quiz/confidence";
import styles from "./confidence.module.css";

/** The 信心得分 beside the plain score: the percentage (floored at 0) and the points behind it. */
export function ConfidenceScore({ points, questions }: { points: number; questions: number }) {
  const score = cbmScore(points, questions);
  return (
    <p className={styles.cbm}>
      信心得分 <strong>{formatPercent(score.percent)}</strong> 分（{score.points} / {score.max} 分{score.points < 0 ? "，负分按 0 计" : ""}）
    </p>
  );
}

/** One reviewed question's confidence and the mark it earned. */
export function ConfidenceMark({ confidence, correct, answered }: { confidence?: Confidence; correct: boolean; answered: boolean }) {
  if (!answered || !confidence) return null;
  const mark = cbmMark(correct, confidence);
  return (
    <p>
      你的信心：{CONFIDENCE_LABELS[confidence]}
      <span className={styles.badge}>{mark > 0 ? `+${mark}` : mark} 分</span>
    </p>
  );
}
