import Link from "next/link";
import { TableScroll } from "@/components/table-scroll";
import { formatScore } from "@/lib/assessment/scoring";
import type { ReportRow } from "@/lib/reports/rollup";
import { AVERAGE_COLUMNS, REPORT_COLUMNS, reportQuery } from "@/lib/reports/schema";
import styles from "../reports.module.css";

const score = (value: number | null) => (value === null ? "—" : formatScore(value));

/**
 * The tree as an indented table (parents above their children). A department's name opens the
 * dashboard filtered by it; 「下级部门」 opens this report from that department down.
 */
export function ReportTable({ rows, assignmentId }: { rows: readonly ReportRow[]; assignmentId?: string }) {
  return (
    <TableScroll label="各部门明细">
      <table className={`progress-table ${styles.table}`}>
        <caption className="visually-hidden">各部门学习任务与结业考核统计（含下级部门）</caption>
        <thead>
          <tr>
            <th scope="col" className={styles.dept}>部门</th>
            {REPORT_COLUMNS.map((c) => <th key={c.key} scope="col" className={styles.num}><abbr title={c.title}>{c.label}</abbr></th>)}
            {AVERAGE_COLUMNS.map((c) => <th key={c.key} scope="col" className={styles.num}>{c.key === "final" ? c.label : <abbr title={c.label}>{c.label.slice(0, 2)}均分</abbr>}</th>)}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const dashboard = row.id ? `/admin?dept=${encodeURIComponent(row.id)}${assignmentId ? `&assignment=${encodeURIComponent(assignmentId)}` : ""}` : null;
            return (
              <tr key={row.id ?? "none"} data-department={row.name}>
                <th scope="row" className={styles.dept} style={{ paddingLeft: `${8 + row.depth * 16}px` }}>
                  {dashboard ? <Link href={dashboard} title="查看该部门的学员">{row.name}</Link> : row.name}
                  {row.id && row.hasChildren ? (
                    <Link className={styles.children} href={`/admin/reports${reportQuery({ department: row.id, assignment: assignmentId })}`}>下级部门 →</Link>
                  ) : null}
                </th>
                {REPORT_COLUMNS.map((c) => (
                  <td key={c.key} className={`${styles.num} ${c.key === "overdue" && row.overdue ? styles.overdue : ""}`}>{row[c.key]}</td>
                ))}
                {AVERAGE_COLUMNS.map((c) => <td key={c.key} className={styles.num}>{score(row.averages[c.key])}</td>)}
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
