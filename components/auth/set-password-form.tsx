"use client";

import { Field } from "@/components/auth/field";
import { useAuthSubmit } from "@/components/auth/use-auth-submit";
import { authClient } from "@/lib/auth/client";
import { setPasswordSchema } from "@/lib/auth/schema";

/** Sets the password through better-auth's /reset-password (the token is spent), then signs in. */
export function SetPasswordForm({ token, email }: { token: string; email: string }) {
  const { errors, pending, onSubmit } = useAuthSubmit(
    setPasswordSchema,
    async (values) => {
      const reset = await authClient.resetPassword({ newPassword: values.password, token: values.token });
      if (reset.error) return reset;
      return authClient.signIn.email({ email: values.email, password: values.password });
    },
    "/",
  );
  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      {errors.form ? <p className="form__error" role="alert">{errors.form}</p> : null}
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="email" value={email} />
      <Field name="password" label="新密码（至少 8 位）" type="password" autoComplete="new-password" error={errors.password} />
      <Field name="confirm" label="确认密码" type="password" autoComplete="new-password" error={errors.confirm} />
      <button className="button" type="submit" disabled={pending}>{pending ? "正在保存…" : "设置密码并登录"}</button>
    </form>
  );
}
