import { formInput } from "@/lib/security/input";
import { z } from "@/lib/zod";

// The SMTP server reminders are sent through (the /admin/settings form). Stored in the Setting
// table under SMTP_SETTING_KEY; read back through the same schema, so a hand-edited row that no
// longer parses counts as "not configured" rather than breaking the sender.

export const SMTP_SETTING_KEY = "smtp";

const host = z
  .string()
  .trim()
  .min(1, "请填写 SMTP 服务器地址。")
  .max(253, "服务器地址过长。")
  .regex(/^[A-Za-z0-9.-]+$|^\[[0-9A-Fa-f:.]+\]$/, "服务器地址只能包含字母、数字、点和连字符，例如 smtp.example.com。");
const port = z.number().int("端口必须是整数。").min(1, "端口在 1 到 65535 之间。").max(65535, "端口在 1 到 65535 之间。");
const portField = z.string().trim().regex(/^\d{1,5}$/, "端口必须是 1 到 65535 之间的整数，例如 465 或 587。").transform(Number).pipe(port);
const from = z.string().trim().min(1, "请填写发件地址。").max(200, "发件地址过长。").pipe(z.email("发件地址不是有效的邮箱，例如 training@example.com。"));
const user = z.string().trim().max(200, "用户名过长。");
const password = z.string().max(200, "密码过长。");

export const smtpSettingsSchema = z.object({ host, port, secure: z.boolean(), user, password, from });
export type SmtpSettings = z.infer<typeof smtpSettingsSchema>;

/** What the settings page shows: everything but the password, and whether one is saved. */
export type SmtpSettingsView = Omit<SmtpSettings, "password"> & { hasPassword: boolean };

/**
 * The form: `secure` is a checkbox (present or not); an empty password keeps the saved one
 * (the browser never receives it), unless `clearPassword` is ticked.
 */
export const smtpFormSchema = formInput(
  z.object({
    host,
    port: portField,
    secure: z.literal("on").optional().transform(Boolean),
    user: user.default(""),
    password: password.default(""),
    clearPassword: z.literal("on").optional().transform(Boolean),
    from,
  }),
);
export type SmtpForm = z.infer<typeof smtpFormSchema>;

export const testEmailFormSchema = formInput(
  z.object({ to: z.string().trim().min(1, "请填写收件邮箱。").max(200, "邮箱过长。").pipe(z.email("收件邮箱格式不正确。")) }),
);

export type SettingsFormState = { ok: boolean; message: string } | null;
