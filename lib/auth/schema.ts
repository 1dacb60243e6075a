import { z } from "zod";

// One schema per form, shared by the form (instant zh-CN feedback) and its tests.
const email = z.string().trim().min(1, "请输入邮箱").pipe(z.email("邮箱格式不正确"));

export const signInSchema = z.object({
  email,
  password: z.string().min(1, "请输入密码"),
});

export const signUpSchema = z
  .object({
    name: z.string().trim().min(1, "请输入姓名").max(50, "姓名不能超过 50 个字"),
    email,
    password: z.string().min(8, "密码至少 8 位").max(128, "密码不能超过 128 位"),
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "两次输入的密码不一致" });

export type FieldErrors = Partial<Record<string, string>>;

export function fieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    errors[key] ??= issue.message;
  }
  return errors;
}

/** zh-CN text for better-auth's error codes and HTTP statuses. */
export function authErrorMessage(error: { code?: string; status?: number; message?: string }): string {
  if (error.status === 429) return "尝试次数过多，请 1 分钟后再试。";
  switch (error.code) {
    case "INVALID_EMAIL_OR_PASSWORD":
      return "邮箱或密码不正确。";
    case "USER_ALREADY_EXISTS":
    case "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL":
      return "该邮箱已注册，请直接登录。";
    case "PASSWORD_TOO_SHORT":
      return "密码至少 8 位。";
    case "PASSWORD_TOO_LONG":
      return "密码不能超过 128 位。";
    case "INVALID_EMAIL":
      return "邮箱格式不正确。";
  }
  if (error.status === 401) return "邮箱或密码不正确。";
  return "暂时无法完成操作，请稍后重试。";
}
