"use client";

import { useActionState } from "react";
import { sendTestEmailAction } from "@/lib/settings/actions";
import styles from "./settings.module.css";
import { ActionStatus } from "@/components/action-status";

export function TestEmailForm({ defaultTo, configured }: { defaultTo: string; configured: boolean }) {
  const [state, action, pending] = useActionState(sendTestEmailAction, null);
  return (
    <form action={action} className={styles.form}>
      <p className="muted">{configured ? "立即通过上面保存的邮件服务器发送一封邮件，并显示服务器的答复。" : "请先保存邮件服务器设置。"}</p>
      <label className="field">
        <span>收件邮箱</span>
        <input name="to" type="email" required maxLength={200} defaultValue={defaultTo} />
      </label>
      <div className={styles.actions}>
        <button className="button button--ghost" type="submit" disabled={pending || !configured}>{pending ? "发送中…" : "发送测试邮件"}</button>
        <ActionStatus state={state} />
      </div>
    </form>
  );
}
