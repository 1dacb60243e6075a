import type { Metadata } from "next";
import Link from "next/link";
import { TableScroll } from "@/components/table-scroll";
import { requireAdmin } from "@/lib/auth/guards";
import { loadCourse } from "@/lib/content/load";
import { assignmentList } from "@/lib/assignments/queries";
import { formatBeijingDay, scopeText } from "@/lib/assignments/display";
import { TargetsText } from "./_components/targets-text";
import styles from "./_components/assignments.module.css";

export const metadata: Metadata = { title: "学习任务" };

export default async function AssignmentsPage() {
  await requireAdmin("/admin/assignments");
  const now = new Date();
  const [assignments, course] = [await assignmentList(now), loadCourse()];
  return (
    <>
      <p className="breadcrumb"><Link href="/admin">学员总览</Link> / 学习任务</p>
      <section className="card stack">
        <h1>学习任务</h1>
        <p className="muted">把整门课程、指定模块或结业考核指派给部门（含下级部门和以后加入的人）或指定学员，并设定开始和截止日期（北京时间）。学员在首页看到任务、截止日期和剩余天数。</p>
        <div><Link className="button" href="/admin/assignments/new">新建学习任务</Link></div>
      </section>
      {assignments.length ? (
        <TableScroll label="学习任务列表">
          <table className={`progress-table ${styles.table}`}>
            <thead>
              <tr>
                <th scope="col">任务</th><th scope="col">学习内容</th><th scope="col">开始 – 截止</th><th scope="col">指派对象</th>
                <th scope="col">已分配 / 已完成 / 已逾期</th>
              </tr>
            </thead>
            <tbody>
              {assignments.map((a) => (
                <tr key={a.id}>
                  <th scope="row"><Link href={`/admin/assignments/${a.id}`}>{a.title}</Link>{a.archivedAt ? "（已归档）" : ""}</th>
                  <td>{scopeText(a, course)}</td>
                  <td>{formatBeijingDay(a.startsAt, now)} – {formatBeijingDay(a.dueAt, now)}</td>
                  <td><TargetsText targets={a.targets} /></td>
                  <td className={styles.counts}>{a.counts ? `${a.counts.assigned} / ${a.counts.completed} / ${a.counts.overdue}` : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : (
        <p className="muted">还没有学习任务。</p>
      )}
    </>
  );
}
