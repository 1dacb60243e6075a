import Link from "next/link";
import { OutcomeBadge } from "@/components/outcome-badge";
import { TableScroll } from "@/components/table-scroll";
import { formatPercent, formatScore } from "@/lib/assessment/scoring";
import type { LearnerRow } from "@/lib/admin/rows";
import { formatDateTime } from "@/lib/admin/ranges";
import { ASSIGNMENT_STATUS_LABELS } from "@/lib/assignments/status";
import type { LearnerTasks } from "@/lib/assignments/summary";
import { DEFAULT_DIR, SORT_LABELS, STATE_LABELS, dashboardQuery, type DashboardFilters, type LearnerState, type SortKey } from "@/lib/admin/schema";
import styles from "./dashboard.module.css";

type Module = { slug: string; order: number; title: string };
type Props = { rows: LearnerRow[]; filters: DashboardFilters; modules: Module[] };

const score = (value: number | null | undefined) => (value === null || value === undefined ? "—" : formatScore(value));
const percent = (value: number | null | undefined) => (value === null || value === undefined ? "—" : formatPercent(value));

/** The learner's 结业考核 state in the status colours every page uses; 未开始 stays plain text. */
function StateBadge({ state }: { state: LearnerState }) {
  const label = STATE_LABELS[state];
  if (state === "not_started") return <span className="muted">{label}</span>;
  if (state === "in_progress") return <OutcomeBadge status="in_progress" outcome={null} label={label} />;
  if (state === "pending") return <OutcomeBadge status="submitted" outcome={null} label={label} />;
  return <OutcomeBadge status="released" outcome={state} label={label} />;
}

/** The learner's 学习任务: overdue in the alarm colour with how many, "未分配" when none. */
function TaskCell({ tasks }: { tasks: LearnerTasks | null }) {
  if (!tasks) return <span className="muted">未分配</span>;
  const label = ASSIGNMENT_STATUS_LABELS[tasks.status];
  if (tasks.status === "overdue") return <strong className={styles.overdue}>{label}{tasks.assigned > 1 ? `（${tasks.overdue}/${tasks.assigned}）` : ""}</strong>;
  return <span>{label}{tasks.assigned > 1 ? <span className={styles.tally}>已完成 {tasks.completed}/{tasks.assigned}</span> : null}</span>;
}

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
            <SortHeader sort="name" filters={filters} className={styles.who} />
            <SortHeader sort="progress" filters={filters} className={styles.num} />
            <SortHeader sort="activity" filters={filters} className={styles.when} />
            <th scope="col">部门</th>
            <th scope="col">学习任务</th>
            <th scope="col">状态</th>
            <SortHeader sort="score" filters={filters} className={styles.num} />
            <th scope="col" className={styles.num}><abbr title="理论知识测试">理论</abbr></th>
            <th scope="col" className={styles.num}><abbr title="实操案例分析">案例</abbr></th>
            <th scope="col" className={styles.num}><abbr title="运营方案设计">方案</abbr></th>
            <th scope="col" className={styles.num}><abbr title="结业考核次数">次数</abbr></th>
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
              <th scope="row" className={styles.who}>
                <Link href={`/admin/learners/${row.id}`}>{row.name}</Link>
                <span className={styles.email}>{row.email}</span>
              </th>
              <td className={styles.num}>
                {row.progress.percent}%<span className={styles.tally}>{row.progress.done}/{row.progress.total} 课</span>
              </td>
              <td className={styles.when}>{formatDateTime(row.lastActivityAt)}</td>
              <td className={styles.dept}>{row.department ? <span title={row.department}>{row.department.split(" / ").at(-1)}</span> : <span className="muted">—</span>}</td>
              <td><TaskCell tasks={row.tasks} /></td>
              <td><StateBadge state={row.state} /></td>
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
