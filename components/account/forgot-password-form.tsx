"use client";

import { useActionState } from "react";
import { requestPasswordResetAction } from "@/lib/account/actions";
import styles from "./account.module.css";

/** 忘记密码: one email field; the same answer whether or not the email has an account. */
export function ForgotPasswordForm() {
  const [state, action, pending] = useActionState(requestPasswordResetAction, null);
  if (state?.ok) return <p role="status" className={styles.notice}>{state.message}</p>;
  return (
    <form className="form" action={action} noValidate>
      {state ? <p className="form__error" role="alert">{state.message}</p> : null}
      <div className="field">
        <label htmlFor="email">注册时使用的邮箱</label>
        <input id="email" name="email" type="email" autoComplete="email" required aria-invalid={state ? true : undefined} />
      </div>
      <button className="button" type="submit" disabled={pending}>{pending ? "正在发送…" : "发送重置链接"}</button>
    </form>
  );
}
