import { z } from "@/lib/zod";
import { ACCOUNT_DEACTIVATED, ACCOUNT_DEACTIVATED_MESSAGE } from "@/lib/account/schema";

// One schema per form, shared by the form (instant zh-CN feedback) and its tests.

export const PERSON_NAME_MAX = 50;
const TOO_LONG = `姓名不能超过 ${PERSON_NAME_MAX} 个字`;

// Control and format characters (Unicode category C: tabs, newlines, zero-width joiners, the
// bidi overrides and isolates U+202A-202E / U+2066-2069, U+200E/200F, lone surrogates, private
// use) and line/paragraph separators: invisible in a name, able to reorder what is printed
// around it (a certificate, a CSV cell), never typed by a person on purpose.
const INVISIBLE = /[\p{C}\p{Zl}\p{Zp}]/u;

/**
 * A person's name: the account name (checked by better-auth's hooks on every write, see
 * lib/auth/name-rules.ts) and, narrowed further, a certificate's printed name. NFC, trimmed,
 * runs of spaces collapsed to one; 1-50 characters counted as code points, as a reader counts.
 */
export const personNameSchema = z
  .string({ error: "请输入姓名" })
  // Cheap bound first, so a megabyte of name is refused before it is normalised and counted.
  .refine((s) => s.length <= 20 * PERSON_NAME_MAX, { message: TOO_LONG, abort: true })
  .refine((s) => !INVISIBLE.test(s), { message: "姓名不能包含换行、制表符或不可见的控制字符", abort: true })
  .transform((s) => s.normalize("NFC").replace(/\p{Zs}+/gu, " ").trim())
  .pipe(
    z
      .string()
      .min(1, "请输入姓名")
      // A code point is at most two UTF-16 units: a longer string cannot pass.
      .refine((s) => s.length <= 2 * PERSON_NAME_MAX && [...s].length <= PERSON_NAME_MAX, TOO_LONG),
  );

const email = z.string().trim().min(1, "请输入邮箱").pipe(z.email("邮箱格式不正确"));

export const signInSchema = z.object({
  email,
  password: z.string().min(1, "请输入密码"),
});

export const signUpSchema = z
  .object({
    name: personNameSchema,
    email,
    password: z.string().min(8, "密码至少 8 位").max(128, "密码不能超过 128 位"),
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "两次输入的密码不一致" });

/** The set-password page (/reset-password): the link's token, whose email signs in afterwards. */
export const setPasswordSchema = z
  .object({
    token: z.string().min(1),
    email,
    password: z.string().min(8, "密码至少 8 位").max(128, "密码不能超过 128 位"),
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "两次输入的密码不一致" });

export const SET_PASSWORD_LINK_INVALID = "链接无效、已使用或已过期。请联系培训管理员重新发送设置密码链接。";

/** The error code better-auth answers with when a name fails personNameSchema. */
export const INVALID_NAME = "INVALID_NAME";

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
    case "INVALID_TOKEN":
      return SET_PASSWORD_LINK_INVALID;
    case ACCOUNT_DEACTIVATED:
      return ACCOUNT_DEACTIVATED_MESSAGE;
    case "INVALID_PASSWORD":
      return "当前密码不正确。";
    case "CREDENTIAL_ACCOUNT_NOT_FOUND":
      return "该账号还没有设置密码，请使用「忘记密码」设置。";
    case "PASSWORD_TOO_SHORT":
      return "密码至少 8 位。";
    case "PASSWORD_TOO_LONG":
      return "密码不能超过 128 位。";
    case "INVALID_EMAIL":
      return "邮箱格式不正确。";
    case INVALID_NAME:
      // Made in zh-CN by the server from personNameSchema (lib/auth/name-rules.ts).
      return error.message || "姓名无效。";
    case "SSO_ONLY":
      // Learners sign in through company sign-in only (lib/sso/plugin.ts, decision 035).
      return error.message || "学员请使用企业账号登录。";
  }
  if (error.status === 401) return "邮箱或密码不正确。";
  return "暂时无法完成操作，请稍后重试。";
}
