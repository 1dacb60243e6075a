import { formatPercent, rate } from "@/lib/analytics/cohort";
import type { ReportRow } from "@/lib/reports/rollup";
import styles from "../reports.module.css";

/**
 * The departments of one level side by side: the children of the department shown (or of the
 * single top department), else the top level. Plain HTML bars (decision 002): no script, the
 * figures are text for screen readers, and each department takes full width on a phone.
 */
export function comparedRows(rows: readonly ReportRow[], focusId: string | null): ReportRow[] {
  const departments = rows.filter((r) => r.id !== null);
  const tops = departments.filter((r) => r.depth === 0);
  const parent = focusId ?? (tops.length === 1 ? tops[0].id : null);
  const children = parent ? departments.filter((r) => r.parentId === parent) : [];
  return children.length ? children : tops;
}

function Bar({ label, part, whole, late }: { label: string; part: number; whole: number; late?: boolean }) {
  const value = whole ? rate(part, whole) : null;
  return (
    <div className={styles.bar}>
      <span>{label}</span>
      <span className={styles.track} aria-hidden="true">
        <span className={late ? styles.fillLate : styles.fill} style={{ display: "block", width: `${(value ?? 0) * 100}%` }} />
      </span>
      <span className={styles.value}>{formatPercent(value)}</span>
    </div>
  );
}

export function DepartmentChart({ rows, focusId }: { rows: readonly ReportRow[]; focusId: string | null }) {
  const compared = comparedRows(rows, focusId);
  return (
    <figure className="stack" style={{ margin: 0 }}>
      <figcaption className={`muted ${styles.legend}`}>完成率、逾期率占已分配学习任务的学员；通过率占已发布成绩的学员。</figcaption>
      <ul className={styles.chart} aria-label="部门对比">
        {compared.map((row) => (
          <li key={row.id ?? "none"}>
            <span className={styles.chartName}>{row.name}<span className="muted">（{row.learners} 人，已分配 {row.assigned} 人）</span></span>
            <Bar label="完成率" part={row.completed} whole={row.assigned} />
            <Bar label="逾期率" part={row.overdue} whole={row.assigned} late />
            <Bar label="通过率" part={row.passed} whole={row.scored} />
          </li>
        ))}
      </ul>
    </figure>
  );
}
