"use client";

import { useActionState, useState } from "react";
import { setDeactivatedAction } from "@/lib/account/actions";
import styles from "./learner.module.css";
import { ActionStatus } from "@/components/action-status";
import { ConfirmStep } from "./confirm-step";

/** 停用账号 (with a confirmation: it signs the person out everywhere) or 恢复账号. */
export function DeactivationForm({ userId, name, deactivated }: { userId: string; name: string; deactivated: boolean }) {
  const [state, action, pending] = useActionState(setDeactivatedAction, null);
  const [confirming, setConfirming] = useState(false);
  return (
    <form action={action} onSubmit={() => setConfirming(false)} className={styles.endSessions}>
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="deactivate" value={deactivated ? "no" : "yes"} />
      {deactivated ? (
        <button className="button button--small" type="submit" disabled={pending}>{pending ? "正在恢复…" : "恢复账号"}</button>
      ) : confirming ? (
        <ConfirmStep id="deactivate-confirm" confirmLabel="确认停用" onCancel={() => setConfirming(false)}>
          确定要停用「{name}」的账号吗？对方在所有设备上立即退出，且无法再登录；学习记录、成绩和证书都会保留，随时可以恢复。
        </ConfirmStep>
      ) : (
        <button className="button button--small button--ghost" type="button" disabled={pending} onClick={() => setConfirming(true)}>
          {pending ? "正在停用…" : "停用账号"}
        </button>
      )}
      <ActionStatus state={state} block />
    </form>
  );
}
