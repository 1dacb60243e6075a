import { todaysNotice } from "@/lib/reminders/queries";
import { DismissReminder } from "./dismiss-reminder";
import styles from "./reminder-notice.module.css";

/** Today's due-soon or overdue reminder on the learner's home, until they close it. */
export async function ReminderNotice({ userId }: { userId: string }) {
  const notice = await todaysNotice(userId);
  if (!notice) return null;
  const overdue = notice.kind === "overdue";
  return (
    <aside className={`${styles.notice} ${overdue ? styles.overdue : ""}`} role="note" aria-labelledby="reminder-title">
      <p id="reminder-title" className={styles.title}>{overdue ? "学习任务已逾期" : "学习任务即将截止"}</p>
      <p className={styles.message}>{notice.message}</p>
      <DismissReminder noticeId={notice.id} />
    </aside>
  );
}
