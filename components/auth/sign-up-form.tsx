"use client";

import { Field } from "@/components/auth/field";
import { useAuthSubmit } from "@/components/auth/use-auth-submit";
import { authClient } from "@/lib/auth/client";
import { signUpSchema } from "@/lib/auth/schema";

export function SignUpForm({ next }: { next: string }) {
  const { errors, pending, onSubmit } = useAuthSubmit(
    signUpSchema,
    ({ name, email, password }) => authClient.signUp.email({ name, email, password }),
    next,
  );
  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      {errors.form ? (
        <p className="form__error" role="alert">
          {errors.form}
        </p>
      ) : null}
      <Field name="name" label="姓名" autoComplete="name" error={errors.name} />
      <Field name="email" label="邮箱" type="email" autoComplete="email" error={errors.email} />
      <Field name="password" label="密码（至少 8 位）" type="password" autoComplete="new-password" error={errors.password} />
      <Field name="confirm" label="确认密码" type="password" autoComplete="new-password" error={errors.confirm} />
      <button className="button" type="submit" disabled={pending}>
        {pending ? "正在注册…" : "注册并开始学习"}
      </button>
    </form>
  );
}
