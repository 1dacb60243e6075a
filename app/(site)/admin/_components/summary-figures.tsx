import Link from "next/link";
import { dashboardSummary } from "@/lib/admin/queries";
import type { DashboardFilters } from "@/lib/admin/schema";
import { mayGrade, type StaffScope } from "@/lib/auth/scope";
import { formatPercent } from "@/lib/assessment/scoring";
import styles from "./dashboard.module.css";

const share = (part: number, whole: number) => (whole ? `${formatPercent((part / whole) * 100)}%` : "—");

/** The figures a trainer reads first, over every learner the filters match (not one page). */
export async function SummaryFigures({ filters, filtered, staff }: { filters: DashboardFilters; filtered: boolean; staff: StaffScope }) {
  const s = await dashboardSummary(filters, staff);
  return (
    <section className={styles.summary} aria-labelledby="summary-title">
      <h2 id="summary-title">概况{filtered ? "（符合筛选条件的学员）" : ""}</h2>
      <dl className={styles.figures}>
        <div><dt>学员</dt><dd>{s.learners}<small>名</small></dd></div>
        <div><dt>课程完成率</dt><dd>{share(s.completed, s.learners)}<small>{s.completed} 人学完全部课时</small></dd></div>
        <div><dt>已提交考核</dt><dd>{s.submitted}<small>人，占学员 {share(s.submitted, s.learners)}</small></dd></div>
        <div><dt>通过率</dt><dd>{share(s.passed, s.released)}<small>已发布 {s.released} 人中 {s.passed} 人通过</small></dd></div>
        <div><dt>获证率</dt><dd>{share(s.certified, s.released)}<small>已发布 {s.released} 人中 {s.certified} 人获证</small></dd></div>
        <div>
          <dt>待批阅</dt>
          <dd>
            {mayGrade(staff) ? <Link href="/grading">{s.waiting} 份</Link> : `${s.waiting} 份`}
            <small>{s.waitingLearners} 名学员；另有 {s.held} 份已批阅待发布</small>
          </dd>
        </div>
      </dl>
      <p className="muted">通过率与获证率按学员最近一次提交且成绩已发布的结业考核计算。</p>
    </section>
  );
}
