"use client";

import { useState, type FormEvent } from "react";
import type { z } from "zod";
import { authErrorMessage, fieldErrors, INVALID_NAME, type FieldErrors } from "@/lib/auth/schema";

type AuthResult = { error: { code?: string; status?: number; message?: string } | null };

/** Validates a form with its zod schema, calls better-auth, then navigates to `next`. */
export function useAuthSubmit<S extends z.ZodType<Record<string, string>>>(
  schema: S,
  submit: (values: z.infer<S>) => Promise<AuthResult>,
  next: string,
) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = Object.fromEntries(new FormData(event.currentTarget)) as Record<string, string>;
    const parsed = schema.safeParse(values);
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error));
      return;
    }
    setErrors({});
    setPending(true);
    try {
      const { error } = await submit(parsed.data);
      if (error) {
        // The server checks the name again (lib/auth/name-rules.ts): its message goes by the field.
        setErrors(error.code === INVALID_NAME ? { name: authErrorMessage(error) } : { form: authErrorMessage(error) });
        setPending(false);
        return;
      }
    } catch {
      setErrors({ form: "网络异常，请检查网络后重试。" });
      setPending(false);
      return;
    }
    // Full navigation so every server component renders with the new session cookie.
    window.location.assign(next);
  }

  return { errors, pending, onSubmit };
}
