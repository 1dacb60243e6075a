import Link from "next/link";
import {
  DATE_FIELD_LABELS,
  DATE_FIELDS,
  LEARNER_STATES,
  MODULE_STATE_LABELS,
  MODULE_STATES,
  SORT_KEYS,
  SORT_LABELS,
  STATE_LABELS,
  TASK_STATE_LABELS,
  TASK_STATES,
  type DashboardFilters,
} from "@/lib/admin/schema";
import styles from "./dashboard.module.css";

type Option = { id: string; label: string };
type Props = {
  filters: DashboardFilters;
  modules: { slug: string; order: number; title: string }[];
  exportHref: string;
  departments: Option[]; // tree order, indented labels
  assignments: Option[];
};

/** A plain GET form: every filter lands in the URL, so a view can be bookmarked or shared. */
export function FilterForm({ filters, modules, exportHref, departments, assignments }: Props) {
  return (
    <form method="get" action="/admin" className={styles.filters} aria-label="筛选学员">
      <div className={`field ${styles.wide}`}>
        <label htmlFor="f-q">搜索姓名或邮箱</label>
        <input id="f-q" name="q" type="search" defaultValue={filters.q} maxLength={100} placeholder="例如：张三 或 zhang@example.com" />
      </div>
      <div className="field">
        <label htmlFor="f-dept">部门（含下级）</label>
        <select id="f-dept" name="dept" defaultValue={filters.dept ?? ""}>
          <option value="">全部部门</option>
          {departments.map((d) => <option key={d.id} value={d.id}>{d.label}</option>)}
        </select>
      </div>
      <div className="field">
        <label htmlFor="f-task">学习任务状态</label>
        <select id="f-task" name="task" defaultValue={filters.task ?? ""}>
          <option value="">全部</option>
          {TASK_STATES.map((s) => <option key={s} value={s}>{TASK_STATE_LABELS[s]}</option>)}
        </select>
      </div>
      <div className="field">
        <label htmlFor="f-assignment">学习任务</label>
        <select id="f-assignment" name="assignment" defaultValue={filters.assignment ?? ""}>
          <option value="">不限学习任务</option>
          {assignments.map((a) => <option key={a.id} value={a.id}>{a.label}</option>)}
        </select>
      </div>
      <div className="field">
        <label htmlFor="f-status">考核状态</label>
        <select id="f-status" name="status" defaultValue={filters.status ?? ""}>
          <option value="">全部</option>
          {LEARNER_STATES.map((s) => <option key={s} value={s}>{STATE_LABELS[s]}</option>)}
        </select>
      </div>
      <div className="field">
        <label htmlFor="f-min">最低总分</label>
        <input id="f-min" name="min" type="number" min={0} max={100} step={0.1} inputMode="decimal" defaultValue={filters.min ?? ""} placeholder="0–100" />
      </div>
      <div className="field">
        <label htmlFor="f-max">最高总分（含）</label>
        <input id="f-max" name="max" type="number" min={0} max={100} step={0.1} inputMode="decimal" defaultValue={filters.max ?? ""} placeholder="0–100" />
      </div>
      <div className="field">
        <label htmlFor="f-date-field">日期范围按</label>
        <select id="f-date-field" name="dateField" defaultValue={filters.dateField}>
          {DATE_FIELDS.map((d) => <option key={d} value={d}>{DATE_FIELD_LABELS[d]}</option>)}
        </select>
      </div>
      <div className="field">
        <label htmlFor="f-from">开始日期（北京时间）</label>
        <input id="f-from" name="from" type="date" defaultValue={filters.from ?? ""} />
      </div>
      <div className="field">
        <label htmlFor="f-to">结束日期（含当天）</label>
        <input id="f-to" name="to" type="date" defaultValue={filters.to ?? ""} />
      </div>
      <div className="field">
        <label htmlFor="f-module">模块</label>
        <select id="f-module" name="module" defaultValue={filters.module ?? ""}>
          <option value="">不限模块</option>
          {modules.map((m) => <option key={m.slug} value={m.slug}>模块 {m.order} · {m.title}</option>)}
        </select>
      </div>
      <div className="field">
        <label htmlFor="f-module-state">该模块</label>
        <select id="f-module-state" name="moduleState" defaultValue={filters.moduleState}>
          {MODULE_STATES.map((s) => <option key={s} value={s}>{MODULE_STATE_LABELS[s]}</option>)}
        </select>
      </div>
      <div className="field">
        <label htmlFor="f-sort">排序</label>
        <select id="f-sort" name="sort" defaultValue={filters.sort}>
          {SORT_KEYS.map((s) => <option key={s} value={s}>{SORT_LABELS[s]}</option>)}
        </select>
      </div>
      <div className="field">
        <label htmlFor="f-dir">排序方向</label>
        <select id="f-dir" name="dir" defaultValue={filters.dir}>
          <option value="asc">升序</option>
          <option value="desc">降序</option>
        </select>
      </div>
      <p className={`muted ${styles.wide} ${styles.hint}`}>
        学习任务状态：学员有多个学习任务时取最紧急的一个（已逾期优先）；选定学习任务后只看该任务。
        总分与状态按学员最近一次提交的结业考核；日期按北京时间，开始、结束两天都包含在内。
      </p>
      <div className={`${styles.actions} ${styles.wide}`}>
        <button className="button" type="submit">筛选</button>
        <Link href="/admin">清除筛选</Link>
        <a href={exportHref} download>导出 CSV（全部符合条件的学员）</a>
      </div>
    </form>
  );
}
