"use client";

import { useActionState } from "react";
import { dismissNoticeAction } from "@/lib/reminders/actions";
import styles from "./reminder-notice.module.css";

export function DismissReminder({ noticeId }: { noticeId: string }) {
  const [state, action, pending] = useActionState(dismissNoticeAction, null);
  return (
    <form action={action} className={styles.dismiss}>
      <input type="hidden" name="noticeId" value={noticeId} />
      <button className="button button--small button--ghost" type="submit" disabled={pending}>
        {pending ? "正在关闭…" : "知道了，关闭提醒"}
      </button>
      {state && !state.ok ? <span role="status" className="field__error">{state.message}</span> : null}
    </form>
  );
}
