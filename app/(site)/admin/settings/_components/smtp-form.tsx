"use client";

import { useActionState } from "react";
import { saveSmtpAction } from "@/lib/settings/actions";
import type { SmtpSettingsView } from "@/lib/settings/schema";
import styles from "./settings.module.css";
import { ActionStatus } from "@/components/action-status";

/** The SMTP settings; the saved password is never sent here, only whether there is one. */
export function SmtpForm({ settings }: { settings: SmtpSettingsView | null }) {
  const [state, action, pending] = useActionState(saveSmtpAction, null);
  return (
    <form action={action} className={styles.form}>
      <label className="field">
        <span>服务器地址</span>
        <input name="host" required maxLength={253} defaultValue={settings?.host ?? ""} placeholder="smtp.example.com" autoComplete="off" />
      </label>
      <label className="field">
        <span>端口</span>
        <input name="port" required inputMode="numeric" pattern="\d{1,5}" defaultValue={settings?.port ?? 465} />
      </label>
      <label className={styles.check}>
        <input type="checkbox" name="secure" defaultChecked={settings?.secure ?? true} />
        <span>使用 SSL/TLS 连接（端口 465 通常勾选；587 不勾选，将自动使用 STARTTLS）</span>
      </label>
      <label className="field">
        <span>用户名（可留空）</span>
        <input name="user" maxLength={200} defaultValue={settings?.user ?? ""} autoComplete="off" />
      </label>
      <label className="field">
        <span>密码{settings?.hasPassword ? "（已保存，留空则不修改）" : ""}</span>
        <input name="password" type="password" maxLength={200} defaultValue="" autoComplete="new-password" placeholder={settings?.hasPassword ? "••••••••" : ""} />
      </label>
      {settings?.hasPassword ? (
        <label className={styles.check}>
          <input type="checkbox" name="clearPassword" />
          <span>清除已保存的密码</span>
        </label>
      ) : null}
      <label className="field">
        <span>发件地址</span>
        <input name="from" type="email" required maxLength={200} defaultValue={settings?.from ?? ""} placeholder="training@example.com" />
      </label>
      <div className={styles.actions}>
        <button className="button" type="submit" disabled={pending}>{pending ? "保存中…" : "保存设置"}</button>
        <ActionStatus state={state} />
      </div>
    </form>
  );
}
