"use client";

import { useActionState } from "react";
import { endOtherSessionsAction, endOwnSessionAction } from "@/lib/account/actions";
import styles from "./account.module.css";

function Status({ state }: { state: { ok: boolean; message: string } | null }) {
  return <p role="status" className={`${styles.status} ${state?.ok ? styles.ok : "field__error"}`}>{state?.message}</p>;
}

/** 退出该设备: ends one of the user's other sessions. */
export function EndSessionForm({ sessionId, device }: { sessionId: string; device: string }) {
  const [state, action, pending] = useActionState(endOwnSessionAction, null);
  return (
    <form action={action} className={styles.inline}>
      <input type="hidden" name="sessionId" value={sessionId} />
      <button className="button button--small button--ghost" type="submit" disabled={pending} aria-label={`退出该设备：${device}`}>
        {pending ? "正在退出…" : "退出该设备"}
      </button>
      <Status state={state} />
    </form>
  );
}

/**
 * 退出所有其他设备: every session but this browser's. Stays mounted when none are left, so that its
 * answer is still shown after the list refreshes.
 */
export function EndOtherSessionsForm({ others }: { others: number }) {
  const [state, action, pending] = useActionState(endOtherSessionsAction, null);
  return (
    <form action={action} className={styles.inline}>
      {others ? (
        <button className="button button--small" type="submit" disabled={pending}>{pending ? "正在退出…" : "退出所有其他设备"}</button>
      ) : state ? null : (
        <p className="muted">没有其他设备登录。</p>
      )}
      <Status state={state} />
    </form>
  );
}
