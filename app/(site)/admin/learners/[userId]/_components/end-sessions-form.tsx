"use client";

import { useActionState, useState } from "react";
import { endSessionsAction } from "@/lib/admin/actions";
import styles from "./learner.module.css";
import { ActionStatus } from "@/components/action-status";
import { ConfirmStep } from "./confirm-step";

/** 结束该用户的全部登录, with a confirmation step: signing someone out is not undone. */
export function EndSessionsForm({ userId, name }: { userId: string; name: string }) {
  const [state, action, pending] = useActionState(endSessionsAction, null);
  const [confirming, setConfirming] = useState(false);
  return (
    <form action={action} onSubmit={() => setConfirming(false)} className={styles.endSessions}>
      <input type="hidden" name="userId" value={userId} />
      {confirming ? (
        <ConfirmStep id="end-sessions-confirm" confirmLabel="确认结束" onCancel={() => setConfirming(false)}>
          确定要结束「{name}」在所有设备上的登录吗？对方需要重新登录；学习进度和作答不受影响。
        </ConfirmStep>
      ) : (
        <button className="button button--small button--ghost" type="button" disabled={pending} onClick={() => setConfirming(true)}>
          {pending ? "正在结束…" : "结束该用户的全部登录"}
        </button>
      )}
      <ActionStatus state={state} block />
    </form>
  );
}
