import Link from "next/link";
import { TableScroll } from "@/components/table-scroll";
import { formatPercent, formatScore } from "@/lib/assessment/scoring";
import type { LearnerRow } from "@/lib/admin/rows";
import { formatDateTime } from "@/lib/admin/ranges";
import { DEFAULT_DIR, SORT_LABELS, STATE_LABELS, dashboardQuery, type DashboardFilters, type SortKey } from "@/lib/admin/schema";
import styles from "./dashboard.module.css";

type Module = { slug: string; order: number; title: string };
type Props = { rows: LearnerRow[]; filters: DashboardFilters; modules: Module[] };

const score = (value: number | null | undefined) => (value === null || value === undefined ? "—" : formatScore(value));
const percent = (value: number | null | undefined) => (value === null || value === undefined ? "—" : formatPercent(value));

/** A column header that sorts by its column; a second click reverses the order. */
function SortHeader({ sort, filters, className }: { sort: SortKey; filters: DashboardFilters; className?: string }) {
  const active = filters.sort === sort;
  const dir = active ? (filters.dir === "asc" ? "desc" : "asc") : DEFAULT_DIR[sort];
  const arrow = active ? (filters.dir === "asc" ? " ▲" : " ▼") : "";
  return (
    <th scope="col" className={className} aria-sort={active ? (filters.dir === "asc" ? "ascending" : "descending") : undefined}>
      <Link className={styles.sortLink} href={`/admin${dashboardQuery(filters, { sort, dir })}`}>
        {SORT_LABELS[sort]}
        {arrow}
      </Link>
    </th>
  );
}

export function LearnerTable({ rows, filters, modules }: Props) {
  return (
    <TableScroll label="学员列表">
      <table className={`progress-table ${styles.table}`}>
        <caption className="visually-hidden">学员列表，列标题可点击排序</caption>
        <thead>
          <tr>
            <SortHeader sort="name" filters={filters} />
            <SortHeader sort="progress" filters={filters} className={styles.num} />
            <SortHeader sort="activity" filters={filters} />
            <th scope="col">状态</th>
            <SortHeader sort="score" filters={filters} className={styles.num} />
            <th scope="col" className={styles.num}><abbr title="理论知识测试">理论</abbr></th>
            <th scope="col" className={styles.num}><abbr title="实操案例分析">案例</abbr></th>
            <th scope="col" className={styles.num}><abbr title="运营方案设计">方案</abbr></th>
            <th scope="col" className={styles.num}>考核次数</th>
            {modules.map((m) => (
              <th key={m.slug} scope="col" className={styles.num}>
                <abbr title={`模块 ${m.order} · ${m.title} 测验最高分`}>测{m.order}</abbr>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <th scope="row">
                <Link href={`/admin/learners/${row.id}`}>{row.name}</Link>
                <span className={styles.email}>{row.email}</span>
              </th>
              <td className={styles.num}>
                {row.progress.percent}%<span className="muted">（{row.progress.done}/{row.progress.total}）</span>
              </td>
              <td>{formatDateTime(row.lastActivityAt)}</td>
              <td>{STATE_LABELS[row.state]}</td>
              <td className={styles.num}><strong>{score(row.latest?.final)}</strong></td>
              <td className={styles.num}>{score(row.latest?.part1)}</td>
              <td className={styles.num}>{score(row.latest?.part2)}</td>
              <td className={styles.num}>{score(row.latest?.part3)}</td>
              <td className={styles.num}>{row.attempts}</td>
              {modules.map((m) => <td key={m.slug} className={styles.num}>{percent(row.quizBest[m.slug])}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
