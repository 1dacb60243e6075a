import type { Metadata } from "next";
import Link from "next/link";
import { requireScopedStaff } from "@/lib/auth/scope";
import { displayPath } from "@/lib/departments/tree";
import { departmentReport, reportAssignments } from "@/lib/reports/queries";
import { parseReportParams, reportQuery, type RawParams } from "@/lib/reports/schema";
import { DepartmentChart } from "./_components/department-chart";
import { ReportTable } from "./_components/report-table";
import styles from "./reports.module.css";

export const metadata: Metadata = { title: "部门报表" };

type Props = { searchParams: Promise<RawParams> };

export default async function DepartmentReportPage({ searchParams }: Props) {
  const { filters, notes } = parseReportParams(await searchParams);
  const { scope } = await requireScopedStaff(`/admin/reports${reportQuery(filters)}`);
  const [report, assignments] = await Promise.all([departmentReport(scope, filters), reportAssignments(scope)]);
  const allNotes = [...notes, ...report.notes];
  const query = reportQuery({ department: report.focus?.id, assignment: report.assignment?.id });
  const exportHref = (format: "csv" | "xlsx") => `/admin/reports/export${query ? `${query}&` : "?"}format=${format}`;
  return (
    <div className="stack">
      <section className="card stack">
        <p className="breadcrumb">
          <Link href="/admin">学员总览</Link> / {report.focus ? <><Link href={`/admin/reports${reportQuery({ assignment: report.assignment?.id })}`}>部门报表</Link> / {displayPath(report.focus.names)}</> : "部门报表"}
        </p>
        <h1>部门报表</h1>
        <p className="muted">
          每个部门的数字包含其全部下级部门。学习任务按学员计：「已完成」指全部学习任务已完成，「已逾期」指有学习任务已过截止日期仍未完成。
          考核按学员最近一次提交的结业考核；通过、获证与平均分只计已发布的成绩。{report.assignment ? `当前只统计学习任务「${report.assignment.title}」覆盖的学员。` : ""}
        </p>
        {allNotes.length ? (
          <ul className="form__error" role="status">
            {allNotes.map((note) => <li key={note}>{note}</li>)}
          </ul>
        ) : null}
        <form method="get" action="/admin/reports" className={styles.filters} aria-label="筛选部门报表">
          {report.focus ? <input type="hidden" name="department" value={report.focus.id} /> : null}
          <div className="field">
            <label htmlFor="r-assignment">学习任务</label>
            <select id="r-assignment" name="assignment" defaultValue={report.assignment?.id ?? ""}>
              <option value="">全部学习任务</option>
              {assignments.map((a) => <option key={a.id} value={a.id}>{a.title}</option>)}
            </select>
          </div>
          <div className={styles.actions}>
            <button className="button" type="submit">查看</button>
            <a href={exportHref("xlsx")} download>导出 Excel（XLSX）</a>
            <a href={exportHref("csv")} download>导出 CSV</a>
          </div>
        </form>
      </section>
      {report.rows.length ? (
        <>
          <section className="card stack" aria-labelledby="compare">
            <h2 id="compare" className={styles.tight}>部门对比</h2>
            <DepartmentChart rows={report.rows} focusId={report.focus?.id ?? null} />
          </section>
          <section className="stack" aria-labelledby="table">
            <h2 id="table" className={styles.tight}>各部门明细</h2>
            <ReportTable rows={report.rows} assignmentId={report.assignment?.id} />
          </section>
        </>
      ) : (
        <p className="muted">没有可以显示的部门。</p>
      )}
    </div>
  );
}
