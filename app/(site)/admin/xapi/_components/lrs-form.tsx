"use client";

import { useActionState } from "react";
import { removeLrsAction, saveLrsAction, testLrsAction } from "@/lib/xapi/actions";
import type { LrsSettingsView } from "@/lib/xapi/schema";
import { ActionStatus } from "@/components/action-status";
import styles from "../../settings/_components/settings.module.css";

/** The LRS; the saved secret is never sent here, only whether there is one. */
export function LrsForm({ settings }: { settings: LrsSettingsView | null }) {
  const [state, action, pending] = useActionState(saveLrsAction, null);
  const [removed, remove, removing] = useActionState(removeLrsAction, null);
  const [tested, test, testing] = useActionState(testLrsAction, null);
  // After a refusal, what the admin typed (React resets a form after its action); else the saved settings.
  const shown = state?.values ?? settings;
  const actor = shown?.actor === "employeeId" ? "employeeId" : "email";
  return (
    <>
      <form action={action} className={styles.form}>
        <label className="field">
          <span>xAPI 地址（endpoint）</span>
          <input name="endpoint" type="url" required maxLength={500} defaultValue={shown?.endpoint ?? ""} placeholder="https://lrs.example.com/xapi/" autoComplete="off" />
        </label>
        <label className="field">
          <span>Key（Basic 认证用户名）</span>
          <input name="key" required maxLength={200} defaultValue={shown?.key ?? ""} autoComplete="off" />
        </label>
        <label className="field">
          <span>Secret（Basic 认证密码）{settings?.hasSecret ? "（已保存，留空则不修改）" : ""}</span>
          <input name="secret" type="password" maxLength={500} defaultValue="" autoComplete="new-password" placeholder={settings?.hasSecret ? "••••••••" : ""} />
        </label>
        <fieldset className={styles.fieldset}>
          <legend>学员身份标识</legend>
          <label className={styles.check}>
            <input type="radio" name="actor" value="email" defaultChecked={actor === "email"} />
            <span>邮箱（mbox: mailto:邮箱）</span>
          </label>
          <label className={styles.check}>
            <input type="radio" name="actor" value="employeeId" defaultChecked={actor === "employeeId"} />
            <span>工号（account：账号主页 + 工号；没有工号的学员仍用邮箱）</span>
          </label>
        </fieldset>
        <label className="field">
          <span>账号主页（按工号标识时必填，例如公司人事系统地址）</span>
          <input name="homePage" type="url" maxLength={500} defaultValue={shown?.homePage ?? ""} placeholder="https://hr.example.com" autoComplete="off" />
        </label>
        <div className={styles.actions}>
          <button className="button" type="submit" disabled={pending}>{pending ? "保存中…" : "保存设置"}</button>
          <ActionStatus state={state} />
        </div>
      </form>
      {settings ? (
        <>
          <form action={test} className={styles.actions}>
            <button className="button button--ghost" type="submit" disabled={testing}>{testing ? "测试中…" : "测试连接"}</button>
            <ActionStatus state={tested} />
          </form>
          <form action={remove} className={styles.actions}>
            <button className="button button--ghost" type="submit" disabled={removing}>{removing ? "处理中…" : "停用 LRS"}</button>
          </form>
        </>
      ) : null}
      {/* Outside the block: once 停用 succeeds the block is gone, and its answer must stay readable. */}
      <ActionStatus state={removed} block />
    </>
  );
}
