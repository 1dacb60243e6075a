import Link from "next/link";
import { AssignmentStatusBadge } from "@/components/assignments/status-badge";
import { assignmentsOfLearner } from "@/lib/assignments/progress";
import { continueHref, formatBeijingDay, scopeText, timeLeftText } from "@/lib/assignments/display";
import type { Course } from "@/lib/content/schema";
import { getQuizSummaries } from "@/lib/quiz/queries";
import styles from "./learner-assignments.module.css";

/** The home page's 学习任务: what the learner was assigned, by when, and where to continue. */
export async function LearnerAssignments({ userId, course, completed }: { userId: string; course: Course; completed: ReadonlySet<string> }) {
  const now = new Date();
  const [assigned, quizzes] = await Promise.all([assignmentsOfLearner(userId, now), getQuizSummaries(userId)]);
  if (!assigned.length) return null;
  const submitted = new Set(quizzes.keys());
  return (
    <section aria-labelledby="assignments-heading" className="stack">
      <h2 id="assignments-heading">学习任务</h2>
      <ul className={styles.list}>
        {assigned.map(({ assignment, state }) => {
          const left = timeLeftText(assignment, state, now);
          const href = state.status === "completed" || state.status === "upcoming" ? null : continueHref(assignment, course, completed, submitted, false);
          return (
            <li key={assignment.id} className={`card ${styles.item}`} data-status={state.status}>
              <div className={styles.head}>
                <h3 className={styles.title}>{assignment.title}</h3>
                <AssignmentStatusBadge status={state.status} late={state.late} />
              </div>
              <p className={styles.meta}>{scopeText(assignment, course)}</p>
              <p className={styles.meta}>
                <span>{formatBeijingDay(assignment.dueAt, now)}截止</span>
                {left ? <strong className={state.status === "overdue" ? styles.overdue : undefined}>{left}</strong> : null}
                <span>已完成 {state.done}/{state.total} 项</span>
              </p>
              {href ? (
                <Link className="button button--small" href={href} aria-label={`继续学习：${assignment.title}`}>
                  继续学习
                </Link>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
