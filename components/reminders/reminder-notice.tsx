import Link from "next/link";
import { todaysNotice } from "@/lib/reminders/queries";
import { DismissReminder } from "./dismiss-reminder";
import styles from "./reminder-notice.module.css";

/** Today's due-soon or overdue reminder on the learner's home, until they close it. */
export async function ReminderNotice({ userId }: { userId: string }) {
  const notice = await todaysNotice(userId);
  if (!notice) return null;
  const overdue = notice.kind === "overdue";
  const review = notice.kind === "review_due"; // lib/review/sweep.ts
  return (
    <aside className={`${styles.notice} ${overdue ? styles.overdue : ""}`} role="note" aria-labelledby="reminder-title">
      <p id="reminder-title" className={styles.title}>{review ? "今日复习提醒" : overdue ? "学习任务已逾期" : "学习任务即将截止"}</p>
      <p className={styles.message}>{notice.message}{review ? <> <Link href="/review">开始复习</Link></> : null}</p>
      <DismissReminder noticeId={notice.id} />
    </aside>
  );
}
