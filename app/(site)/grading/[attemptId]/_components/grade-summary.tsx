import { OutcomeBadge } from "@/components/outcome-badge";
import { formatScore, type GradeResult, type RubricSubtotal } from "@/lib/assessment/scoring";
import styles from "../desk.module.css";

type Props = {
  grade: GradeResult;
  part1Score: number;
  auto: { points: number; max: number };
  subtotals: Record<2 | 3, RubricSubtotal>;
  scored: number;
  total: number;
  invalid: number;
};

const pts = (n: number) => String(Math.round(n * 10) / 10);

/** What the grade will be if finalised now: subtotals per part, the projected final and its status. */
export function GradeSummary({ grade, part1Score, auto, subtotals, scored, total, invalid }: Props) {
  return (
    <section className={styles.summary} aria-label="实时小计">
      <dl className={styles.figures}>
        <Figure term="第二部分" value={grade.part2Score}>
          <span className={styles.detail}>
            选择 {pts(auto.points)}/{pts(auto.max)} + 评分 {pts(subtotals[2].points)}/{pts(subtotals[2].max)}
          </span>
        </Figure>
        <Figure term="第三部分" value={grade.part3Score}>
          <span className={styles.detail}>
            评分 {pts(subtotals[3].points)}/{pts(subtotals[3].max)}
          </span>
        </Figure>
        <Figure term="预计总分" value={grade.finalScore}>
          <OutcomeBadge status="released" outcome={grade.outcome} />
          <span className={styles.detail}>理论 {formatScore(part1Score)}</span>
        </Figure>
      </dl>
      <p className={styles.note}>
        已打分 {scored}/{total} 项，未打分的项按 0 分计{invalid ? `；${invalid} 项分数无效，未计入` : ""}。完成批阅后才保存为成绩。
      </p>
    </section>
  );
}

/** One figure of the summary: its name, the score, and what it is made of. */
function Figure({ term, value, children }: { term: string; value: number; children: React.ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>
        <span className={styles.figure}>{formatScore(value)}</span>
        {children}
      </dd>
    </div>
  );
}
