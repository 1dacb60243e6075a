import { z } from "@/lib/zod";
import { formInput } from "@/lib/security/input";

// One schema per form, shared by the form (instant zh-CN feedback) and its action or endpoint.

const email = z.string({ error: "请输入邮箱" }).trim().min(1, "请输入邮箱").max(254, "邮箱格式不正确").pipe(z.email("邮箱格式不正确"));
const newPassword = z.string({ error: "请输入新密码" }).min(8, "密码至少 8 位").max(128, "密码不能超过 128 位");

/** 忘记密码: the email to send the link to. */
export const forgotPasswordSchema = z.object({ email });
export const forgotPasswordFormSchema = formInput(forgotPasswordSchema);

/** 修改密码 on the account page (sent to better-auth's /change-password). */
export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "请输入当前密码").max(128, "密码不能超过 128 位"),
    password: newPassword,
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "两次输入的密码不一致" })
  .refine((v) => v.password !== v.currentPassword, { path: ["password"], message: "新密码不能与当前密码相同" });

const id = (message: string) => z.string({ error: message }).trim().min(1, message).max(64, message);

/** 退出该设备: one of the asker's own sessions. */
export const endSessionFormSchema = formInput(z.object({ sessionId: id("登录记录无效，请刷新页面后重试。") }));
/** 退出所有其他设备: no fields. */
export const endOtherSessionsFormSchema = formInput(z.object({}));
/** 停用账号 / 恢复账号 on the admin learner page. */
export const deactivationFormSchema = formInput(
  z.object({ userId: id("用户编号无效"), deactivate: z.enum(["yes", "no"], { error: "请求无效，未做任何更改。" }) }),
);

export type ActionState = { ok: boolean; message: string } | null;

/** What 忘记密码 answers, whether or not the email has an account. */
export const RESET_REQUESTED = "如果该邮箱已注册，我们已发送一封重置密码的邮件，请在 1 小时内打开邮件中的链接。没收到？请检查垃圾邮件，或稍后再试。";

/** The error code and zh-CN message a deactivated user's sign-in (or reset, or SSO) ends with. */
export const ACCOUNT_DEACTIVATED = "ACCOUNT_DEACTIVATED";
export const ACCOUNT_DEACTIVATED_MESSAGE = "账号已停用，请联系管理员";
