import { assignmentIdSchema } from "@/lib/assignments/schema";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AssignmentStatusBadge } from "@/components/assignments/status-badge";
import { TableScroll } from "@/components/table-scroll";
import { requireAdmin } from "@/lib/auth/guards";
import { loadCourse } from "@/lib/content/load";
import { z } from "@/lib/zod";
import { assignmentDetail } from "@/lib/assignments/queries";
import { formatBeijingDay, scopeText } from "@/lib/assignments/display";
import { ASSIGNMENT_STATUS_LABELS, ASSIGNMENT_STATUSES, daysLeft } from "@/lib/assignments/status";
import { ArchiveForm } from "../_components/archive-form";
import { TargetsText } from "../_components/targets-text";
import styles from "../_components/assignments.module.css";

export const metadata: Metadata = { title: "学习任务详情" };

const SHOWN = 200;
const statusParam = z.enum(ASSIGNMENT_STATUSES);

type Props = { params: Promise<{ assignmentId: string }>; searchParams: Promise<{ status?: string | string[]; saved?: string | string[] }> };

export default async function AssignmentPage({ params, searchParams }: Props) {
  const { assignmentId } = await params;
  await requireAdmin(`/admin/assignments/${encodeURIComponent(assignmentId)}`);
  const query = await searchParams;
  const status = statusParam.safeParse(Array.isArray(query.status) ? query.status[0] : query.status);
  const now = new Date();
  const detail = assignmentIdSchema.safeParse(assignmentId).success ? await assignmentDetail(assignmentId, { status: status.success ? status.data : undefined, limit: SHOWN, now }) : null;
  if (!detail) notFound();
  const { assignment: a, people, matching } = detail;
  const base = `/admin/assignments/${a.id}`;
  const left = daysLeft(a.dueAt, now);
  return (
    <>
      <p className="breadcrumb"><Link href="/admin">学员总览</Link> / <Link href="/admin/assignments">学习任务</Link> / {a.title}</p>
      <section className="card stack">
        <h1>{a.title}{a.archivedAt ? "（已归档）" : ""}</h1>
        {query.saved ? <p className={styles.ok} role="status">已保存。</p> : null}
        <p className={styles.meta}>
          <span>学习内容：{scopeText(a, loadCourse())}</span>
          <span>开始：{formatBeijingDay(a.startsAt, now)}</span>
          <span>截止：{formatBeijingDay(a.dueAt, now)}（{left < 0 ? `已过期 ${-left} 天` : left === 0 ? "今天截止" : `还剩 ${left} 天`}）</span>
        </p>
        <p className={styles.meta}>指派对象：<TargetsText targets={a.targets} /></p>
        {a.counts ? <p className={styles.meta}>已分配 {a.counts.assigned} 人 · 已完成 {a.counts.completed} 人 · 已逾期 {a.counts.overdue} 人</p> : null}
        <div className={styles.inline}>
          {a.archivedAt ? null : <Link className="button button--small" href={`${base}/edit`}>修改任务</Link>}
          <ArchiveForm id={a.id} archived={Boolean(a.archivedAt)} />
        </div>
      </section>

      {a.archivedAt ? (
        <p className="muted">任务已归档：学员看不到它，也不再统计进度和发送提醒。恢复后重新生效。</p>
      ) : (
        <>
          <h2>学员（{status.success ? ASSIGNMENT_STATUS_LABELS[status.data] : "全部"}：{matching} 人{matching > people.length ? `，显示前 ${people.length} 人` : ""}）</h2>
          <nav className={styles.filters} aria-label="按状态筛选">
            <Link href={base} aria-current={status.success ? undefined : "page"}>全部</Link>
            {ASSIGNMENT_STATUSES.map((s) => (
              <Link key={s} href={`${base}?status=${s}`} aria-current={status.success && status.data === s ? "page" : undefined}>{ASSIGNMENT_STATUS_LABELS[s]}</Link>
            ))}
          </nav>
          {people.length ? (
            <TableScroll label="任务学员">
              <table className={`progress-table ${styles.table}`}>
                <thead>
                  <tr><th scope="col">学员</th><th scope="col">部门</th><th scope="col">状态</th><th scope="col">完成</th></tr>
                </thead>
                <tbody>
                  {people.map((p) => (
                    <tr key={p.userId}>
                      <th scope="row"><Link href={`/admin/learners/${encodeURIComponent(p.userId)}`}>{p.name}</Link><span className={styles.email}>{p.email}</span></th>
                      <td>{p.department ?? "—"}</td>
                      <td><AssignmentStatusBadge status={p.status} late={p.late} /></td>
                      <td>{p.done}/{p.total}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          ) : (
            <p className="muted">没有符合条件的学员。</p>
          )}
        </>
      )}
    </>
  );
}
