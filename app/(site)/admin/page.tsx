import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { inScope, requireScopedStaff } from "@/lib/auth/scope";
import { loadCourse } from "@/lib/content/load";
import { learnerDashboard } from "@/lib/admin/queries";
import { reportAssignments } from "@/lib/reports/queries";
import { departmentList } from "@/lib/departments/queries";
import { dashboardQuery, DEFAULT_FILTERS, PAGE_SIZE, parseDashboardParams, STATE_LABELS, type RawParams } from "@/lib/admin/schema";
import { FilterForm } from "./_components/filter-form";
import { LearnerTable } from "./_components/learner-table";
import { Pagination } from "./_components/pagination";
import { SummaryFigures } from "./_components/summary-figures";

export const metadata: Metadata = { title: "学员总览" };

type Props = { searchParams: Promise<RawParams> };

export default async function AdminDashboardPage({ searchParams }: Props) {
  const modules = loadCourse().modules.map(({ slug, order, title }) => ({ slug, order, title }));
  const { filters, notes } = parseDashboardParams(await searchParams, modules.map((m) => m.slug));
  // The filters survive the sign-in detour, so a shared link to a filtered list still works.
  const { scope } = await requireScopedStaff(`/admin${dashboardQuery(filters, { page: filters.page })}`);
  // A department head without a department sees the frame's notice (components/staff-page.tsx), not an empty list.
  if (scope.kind === "department" && !scope.path) return <section className="card stack"><h1>学员总览</h1></section>;
  const [{ rows, total, totalPages }, departments, assignments] = await Promise.all([learnerDashboard(filters, scope), departmentList(), reportAssignments(scope)]);
  const visible = departments.filter((d) => inScope(scope, d.path));
  const top = Math.min(...visible.map((d) => d.depth));
  const departmentOptions = visible.map((d) => ({ id: d.id, label: `${"　".repeat(d.depth - top)}${d.name}` }));
  const assignmentOptions = assignments.map((a) => ({ id: a.id, label: a.title }));
  if (filters.dept && !visible.some((d) => d.id === filters.dept)) notes.push("所选部门不存在或不在你的查看范围内，没有符合条件的学员。");
  const first = (filters.page - 1) * PAGE_SIZE + 1;
  return (
    <>
      <section className="card stack">
        <h1>学员总览{scope.kind === "department" ? `：${scope.departmentName}及下级部门` : ""}</h1>
        <p><Link href="/admin/reports">部门报表（按部门统计学习任务与考核）→</Link></p>
        <p className="muted">
          进度 = 已学课时 / 课程总课时；最近活动取学完课时、提交测验、保存或提交考核中最晚的时间。
          分数与「{STATE_LABELS.pending}」等状态来自学员最近一次提交的结业考核；学员正在作答新的一次考核时，状态为「{STATE_LABELS.in_progress}」。
        </p>
        {notes.length ? (
          <ul className="form__error" role="status">
            {notes.map((note) => <li key={note}>{note}</li>)}
          </ul>
        ) : null}
      </section>
      <Suspense fallback={<p className="muted" aria-busy="true">正在统计概况……</p>}>
        <SummaryFigures filters={filters} filtered={dashboardQuery(filters, { sort: DEFAULT_FILTERS.sort, dir: DEFAULT_FILTERS.dir }) !== ""} staff={scope} />
      </Suspense>
      <section className="card stack" aria-label="筛选与导出">
        <FilterForm filters={filters} modules={modules} exportHref={`/admin/export${dashboardQuery(filters)}`} departments={departmentOptions} assignments={assignmentOptions} />
      </section>
      <h2>
        共 {total} 名学员{total ? `，第 ${first}–${Math.min(first + rows.length - 1, total)} 名` : ""}
      </h2>
      {rows.length ? (
        <LearnerTable rows={rows} filters={filters} modules={modules} />
      ) : total ? (
        <p>
          没有第 {filters.page} 页（共 {totalPages} 页）。<Link href={`/admin${dashboardQuery(filters, { page: totalPages })}`}>前往最后一页</Link>
        </p>
      ) : (
        <p className="muted">没有符合条件的学员。<Link href="/admin">清除筛选</Link></p>
      )}
      <Pagination filters={filters} totalPages={totalPages} />
    </>
  );
}
