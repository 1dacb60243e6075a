import { IntegrityLog } from "@/components/grading/integrity-log";
import type { IntegrityLogEntry } from "@/lib/assessment/integrity";
import type { AttemptRecord } from "@/lib/assessment/attempts";
import { GRADER_STATUS_LABELS, learnerStatusLabel } from "@/lib/assessment/schema";
import { formatScore } from "@/lib/assessment/scoring";
import { answerLines, gradeLines } from "@/lib/admin/answer-text";
import { formatDateTime } from "@/lib/admin/ranges";
import styles from "./learner.module.css";

const score = (value: number | null) => (value === null ? "—" : formatScore(value));
const PARTS = { 1: "第一部分 理论知识测试", 2: "第二部分 实操案例分析", 3: "第三部分 运营方案设计" } as const;

/** One 结业考核 attempt for staff: scores, grades with comments, and every answer as plain text. */
export function AttemptCard({ attempt, integrity }: { attempt: AttemptRecord; integrity: readonly IntegrityLogEntry[] }) {
  const answers = answerLines(attempt.paper, attempt.answers);
  const grades = gradeLines(attempt.paper, attempt.gradeScores);
  return (
    <section className="card stack" aria-labelledby={`attempt-${attempt.id}`}>
      <h3 id={`attempt-${attempt.id}`} style={{ margin: 0 }}>
        第 {attempt.number} 次 · {learnerStatusLabel(attempt.status, attempt.outcome)}
        <span className="muted">（{GRADER_STATUS_LABELS[attempt.status]}）</span>
      </h3>
      <p className={styles.meta}>
        <span>开始：{formatDateTime(attempt.startedAt)}</span>
        <span>提交：{formatDateTime(attempt.submittedAt)}{attempt.autoSubmitted ? "（时间到，自动提交）" : ""}</span>
        <span>批阅：{formatDateTime(attempt.gradedAt)}</span>
        <span>发布：{formatDateTime(attempt.releasedAt)}</span>
      </p>
      <table className={`progress-table ${styles.table}`}>
        <thead>
          <tr><th scope="col">理论知识测试</th><th scope="col">实操案例分析</th><th scope="col">运营方案设计</th><th scope="col">总分</th></tr>
        </thead>
        <tbody>
          <tr>
            <td>{score(attempt.part1Score)}</td>
            <td>{score(attempt.part2Score)}{attempt.part2Score === null && attempt.part2AutoPoints !== null ? `（选择题 ${attempt.part2AutoPoints} 分）` : ""}</td>
            <td>{score(attempt.part3Score)}</td>
            <td><strong>{score(attempt.finalScore)}</strong></td>
          </tr>
        </tbody>
      </table>
      <details>
        <summary>评分明细与评语（{grades.filter((g) => g.points !== null).length}/{grades.length} 项已打分）</summary>
        <table className={`progress-table ${styles.table}`}>
          <thead>
            <tr><th scope="col">评分项</th><th scope="col" className={styles.num}>得分</th><th scope="col">评语</th></tr>
          </thead>
          <tbody>
            {grades.map((g) => (
              <tr key={g.key}>
                <th scope="row">第{g.part === 2 ? "二" : "三"}部分 · {g.criterion}</th>
                <td className={styles.num}>{g.points === null ? "未打分" : `${g.points}/${g.max}`}</td>
                <td className={styles.comment}>{g.comment || "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className={styles.comment}>总评：{attempt.gradeComment || "—"}</p>
      </details>
      <div>
        <h4 className={styles.prompt}>切屏与粘贴记录</h4>
        <IntegrityLog entries={integrity} paper={attempt.paper} />
      </div>
      {([1, 2, 3] as const).map((part) => (
        <details key={part}>
          <summary>{PARTS[part]} · 作答</summary>
          <ol className={styles.answers}>
            {answers.filter((a) => a.part === part).map((a) => (
              <li key={a.key}>
                <p className={styles.prompt}>
                  {a.prompt}
                  {a.correct === undefined || !a.answered ? null : a.correct ? <span className={styles.right}> ✓ 正确</span> : <span className={styles.wrong}> ✗ 错误</span>}
                </p>
                <p className={styles.answer}>{a.answer}</p>
              </li>
            ))}
          </ol>
        </details>
      ))}
    </section>
  );
}
