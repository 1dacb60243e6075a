import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ProgressBar } from "@/components/course/progress-bar";
import { TableScroll } from "@/components/table-scroll";
import { formatPercent, formatScore } from "@/lib/assessment/scoring";
import { ROLE_LABELS, roleSchema } from "@/lib/auth/roles";
import { requireScopedStaff } from "@/lib/auth/scope";
import { activeSessionCount } from "@/lib/auth/user-sessions";
import { loadCourse } from "@/lib/content/load";
import { courseProgress } from "@/lib/progress/rules";
import { learnerDetail } from "@/lib/admin/queries";
import { integrityLogs } from "@/lib/assessment/integrity-queries";
import { formatDateTime } from "@/lib/admin/ranges";
import { AttemptCard } from "./_components/attempt-card";
import { EndSessionsForm } from "./_components/end-sessions-form";
import { DeactivationForm } from "./_components/deactivation-form";
import { deactivatedAt } from "@/lib/account/queries";
import { LearnerAssignments } from "./_components/learner-assignments";
import styles from "./_components/learner.module.css";

export const metadata: Metadata = { title: "学员详情" };

type Props = { params: Promise<{ userId: string }> };

export default async function LearnerPage({ params }: Props) {
  const { userId } = await params;
  const { user: viewer, scope } = await requireScopedStaff(`/admin/learners/${encodeURIComponent(userId)}`);
  // Someone outside a department head's subtree is "not found", exactly like a missing user.
  const detail = userId.length <= 64 ? await learnerDetail(userId, scope) : null;
  if (!detail) notFound();
  const { user, completed, completedAt, quizzes, attempts } = detail;
  const sessions = viewer.role === "admin" ? await activeSessionCount(user.id) : null;
  const deactivated = await deactivatedAt(user.id);
  const course = loadCourse();
  const progress = courseProgress(course, completed);
  const role = roleSchema.safeParse(user.role);
  const logs = await integrityLogs(attempts.map((a) => a.id));
  const titles = new Map(course.modules.map((m) => [m.slug, `模块 ${m.order} · ${m.title}`]));
  return (
    <>
      <p className="breadcrumb"><Link href="/admin">学员总览</Link> / {user.name}</p>
      <section className="card stack">
        <h1>{user.name}</h1>
        <p className={styles.meta}>
          <span>{user.email}</span>
          <span>角色：{role.success ? ROLE_LABELS[role.data] : user.role}</span>
          <span>注册：{formatDateTime(user.createdAt)}</span>
          {deactivated ? <strong>账号已停用（{formatDateTime(deactivated)}）</strong> : null}
        </p>
        <ProgressBar label="课程总进度" tally={progress.overall} />
        {sessions !== null && (
          <>
            <p className={styles.meta}>当前登录：{sessions} 个设备或浏览器</p>
            <EndSessionsForm userId={user.id} name={user.name} />
            {user.id === viewer.id ? null : <DeactivationForm userId={user.id} name={user.name} deactivated={Boolean(deactivated)} />}
          </>
        )}
      </section>

      <LearnerAssignments userId={user.id} course={course} linkAssignments={viewer.role === "admin"} />

      <h2>各模块进度</h2>
      <TableScroll label="各模块进度">
        <table className={`progress-table ${styles.table}`}>
          <thead>
            <tr><th scope="col">模块</th><th scope="col" className={styles.num}>已学课时</th><th scope="col" className={styles.num}>测验最高分</th><th scope="col" className={styles.num}>测验次数</th></tr>
          </thead>
          <tbody>
            {course.modules.map((mod) => {
              const tries = quizzes.filter((q) => q.moduleSlug === mod.slug);
              const tally = progress.modules[mod.slug];
              return (
                <tr key={mod.slug}>
                  <th scope="row">
                    <details>
                      <summary>{titles.get(mod.slug)}</summary>
                      <ul>
                        {mod.lessons.map((l) => (
                          <li key={l.key}>{l.title} · {completed.has(l.key) ? `✓ ${formatDateTime(completedAt.get(l.key))}` : "未完成"}</li>
                        ))}
                      </ul>
                    </details>
                  </th>
                  <td className={styles.num}>{tally.done}/{tally.total}（{tally.percent}%）</td>
                  <td className={styles.num}>{tries.length ? formatPercent(Math.max(...tries.map((q) => q.score))) : "—"}</td>
                  <td className={styles.num}>{tries.length}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>

      <h2>测验记录</h2>
      {quizzes.length ? (
        <TableScroll label="测验记录">
          <table className={`progress-table ${styles.table}`}>
            <thead>
              <tr><th scope="col">提交时间</th><th scope="col">模块</th><th scope="col" className={styles.num}>答对</th><th scope="col" className={styles.num}>得分</th></tr>
            </thead>
            <tbody>
              {quizzes.map((q) => (
                <tr key={q.id}>
                  <td>{formatDateTime(q.submittedAt)}</td>
                  <td>{titles.get(q.moduleSlug) ?? q.moduleSlug}</td>
                  <td className={styles.num}>{q.correct}/{q.total}</td>
                  <td className={styles.num}>{formatPercent(q.score)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : (
        <p className="muted">还没有提交过模块测验。</p>
      )}

      <h2>结业考核（{attempts.length} 次）</h2>
      {attempts.length ? (
        <div className="stack">{[...attempts].reverse().map((a) => <AttemptCard key={a.id} attempt={a} integrity={logs.get(a.id) ?? []} />)}</div>
      ) : (
        <p className="muted">还没有参加结业考核。</p>
      )}
    </>
  );
}
