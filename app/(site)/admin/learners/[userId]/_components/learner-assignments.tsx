import Link from "next/link";
import { AssignmentStatusBadge } from "@/components/assignments/status-badge";
import { TableScroll } from "@/components/table-scroll";
import { assignmentsOfLearner } from "@/lib/assignments/progress";
import { formatBeijingDay, scopeText, timeLeftText } from "@/lib/assignments/display";
import type { Course } from "@/lib/content/schema";
import styles from "./learner.module.css";

/** The learner's 学习任务 on their admin page: each with its due date and status. */
export async function LearnerAssignments({ userId, course, linkAssignments }: { userId: string; course: Course; linkAssignments: boolean }) {
  const now = new Date();
  const assigned = await assignmentsOfLearner(userId, now);
  return (
    <>
      <h2>学习任务</h2>
      {assigned.length ? (
        <TableScroll label="学习任务">
          <table className={`progress-table ${styles.table}`}>
            <thead>
              <tr><th scope="col">任务</th><th scope="col">学习内容</th><th scope="col">截止</th><th scope="col">状态</th><th scope="col" className={styles.num}>完成</th></tr>
            </thead>
            <tbody>
              {assigned.map(({ assignment, state }) => (
                <tr key={assignment.id}>
                  <th scope="row">{linkAssignments ? <Link href={`/admin/assignments/${assignment.id}`}>{assignment.title}</Link> : assignment.title}</th>
                  <td>{scopeText(assignment, course)}</td>
                  <td>{formatBeijingDay(assignment.dueAt, now)}{timeLeftText(assignment, state, now) ? `（${timeLeftText(assignment, state, now)}）` : ""}</td>
                  <td><AssignmentStatusBadge status={state.status} late={state.late} /></td>
                  <td className={styles.num}>{state.done}/{state.total}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : (
        <p className="muted">没有指派给该学员的学习任务。</p>
      )}
    </>
  );
}
