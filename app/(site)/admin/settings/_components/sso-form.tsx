"use client";

import { useActionState, useState } from "react";
import { saveSsoAction } from "@/lib/sso/actions";
import { SSO_CLIENT_LABELS, SSO_KIND_LABELS, SSO_KINDS, type SsoKind, type SsoSettingsView } from "@/lib/sso/schema";
import styles from "./settings.module.css";
import { ActionStatus } from "@/components/action-status";

/** Company sign-in; the saved secret is never sent here, only whether there is one (已设置). */
export function SsoForm({ settings, callbackUrl }: { settings: SsoSettingsView | null; callbackUrl: string }) {
  const [state, action, pending] = useActionState(saveSsoAction, null);
  const [kind, setKind] = useState<SsoKind>(settings?.kind ?? "oidc");
  const labels = SSO_CLIENT_LABELS[kind];
  return (
    <form action={action} className={styles.form}>
      <label className={styles.check}>
        <input type="checkbox" name="enabled" defaultChecked={settings?.enabled ?? true} />
        <span>启用企业登录（登录页显示企业登录按钮）</span>
      </label>
      <label className="field">
        <span>登录方式</span>
        <select name="kind" value={kind} onChange={(event) => setKind(event.target.value as SsoKind)}>
          {SSO_KINDS.map((k) => (
            <option key={k} value={k}>{SSO_KIND_LABELS[k]}</option>
          ))}
        </select>
      </label>
      <p className={`muted ${styles.url}`}>在身份提供方登记的回调地址：<code>{callbackUrl}</code></p>
      {kind === "oidc" ? (
        <label className="field">
          <span>签发者（Issuer）地址</span>
          <input name="issuer" type="url" maxLength={500} defaultValue={settings?.issuer ?? ""} placeholder="https://login.example.com" autoComplete="off" />
        </label>
      ) : null}
      <label className="field">
        <span>{labels.id}</span>
        <input name="clientId" required maxLength={200} defaultValue={settings?.clientId ?? ""} autoComplete="off" />
      </label>
      <label className="field">
        <span>{labels.secret}{settings?.hasSecret ? "（已设置，留空则不修改）" : ""}</span>
        <input name="clientSecret" type="password" maxLength={500} defaultValue="" autoComplete="new-password" placeholder={settings?.hasSecret ? "已设置" : ""} />
      </label>
      {kind === "wecom" ? (
        <label className="field">
          <span>应用 AgentID</span>
          <input name="agentId" inputMode="numeric" maxLength={30} defaultValue={settings?.agentId ?? ""} autoComplete="off" />
        </label>
      ) : null}
      {kind === "oidc" ? (
        <>
          <label className="field">
            <span>Scopes（空格分隔，默认 openid profile email）</span>
            <input name="scopes" maxLength={300} defaultValue={settings?.scopes ?? ""} placeholder="openid profile email" autoComplete="off" />
          </label>
          <label className="field">
            <span>部门声明名称（可留空）</span>
            <input name="departmentClaim" maxLength={100} defaultValue={settings?.departmentClaim ?? ""} placeholder="department" autoComplete="off" />
          </label>
          <label className="field">
            <span>角色声明名称（可留空；只能设为学员或部门负责人）</span>
            <input name="roleClaim" maxLength={100} defaultValue={settings?.roleClaim ?? ""} placeholder="role" autoComplete="off" />
          </label>
        </>
      ) : null}
      <label className="field">
        <span>登录按钮文字</span>
        <input name="buttonLabel" required maxLength={20} defaultValue={settings?.buttonLabel ?? "企业账号登录"} />
      </label>
      <label className={styles.check}>
        <input type="checkbox" name="ssoOnly" defaultChecked={settings?.ssoOnly ?? false} />
        <span>学员只能通过企业登录（学员不能用密码登录或自行注册；讲师和管理员不受影响）</span>
      </label>
      <div className={styles.actions}>
        <button className="button" type="submit" disabled={pending}>{pending ? "保存中…" : "保存企业登录设置"}</button>
        <ActionStatus state={state} />
      </div>
    </form>
  );
}
