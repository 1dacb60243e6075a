"use client";

import { Field } from "@/components/auth/field";
import { useAuthSubmit } from "@/components/auth/use-auth-submit";
import { authClient } from "@/lib/auth/client";
import { changePasswordSchema } from "@/lib/account/schema";

/**
 * 修改密码 through better-auth's /change-password: checks the current password, and with
 * revokeOtherSessions ends every session of the user, giving this browser a new one.
 */
export function ChangePasswordForm() {
  const { errors, pending, onSubmit } = useAuthSubmit(
    changePasswordSchema,
    (values) => authClient.changePassword({ currentPassword: values.currentPassword, newPassword: values.password, revokeOtherSessions: true }),
    "/account?password=changed",
  );
  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      {errors.form ? <p className="form__error" role="alert">{errors.form}</p> : null}
      <Field name="currentPassword" label="当前密码" type="password" autoComplete="current-password" error={errors.currentPassword} />
      <Field name="password" label="新密码（至少 8 位）" type="password" autoComplete="new-password" error={errors.password} />
      <Field name="confirm" label="确认新密码" type="password" autoComplete="new-password" error={errors.confirm} />
      <button className="button" type="submit" disabled={pending}>{pending ? "正在保存…" : "修改密码"}</button>
    </form>
  );
}
