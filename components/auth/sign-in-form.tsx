"use client";

import { Field } from "@/components/auth/field";
import { useAuthSubmit } from "@/components/auth/use-auth-submit";
import { authClient } from "@/lib/auth/client";
import { signInSchema } from "@/lib/auth/schema";

export function SignInForm({ next }: { next: string }) {
  const { errors, pending, onSubmit } = useAuthSubmit(
    signInSchema,
    (values) => authClient.signIn.email(values),
    next,
  );
  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      {errors.form ? (
        <p className="form__error" role="alert">
          {errors.form}
        </p>
      ) : null}
      <Field name="email" label="邮箱" type="email" autoComplete="email" error={errors.email} />
      <Field name="password" label="密码" type="password" autoComplete="current-password" error={errors.password} />
      <button className="button" type="submit" disabled={pending}>
        {pending ? "正在登录…" : "登录"}
      </button>
    </form>
  );
}
