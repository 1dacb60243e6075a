"use server";

import { revalidatePath } from "next/cache";
import { adminOrNull } from "@/lib/auth/guards";
import { sendMail, smtpTransport } from "@/lib/outbox/mail";
import { firstIssue } from "@/lib/security/input";
import { saveSmtpSettings, smtpSettings } from "@/lib/settings/queries";
import { smtpFormSchema, testEmailFormSchema, type SettingsFormState } from "@/lib/settings/schema";

const ADMIN_ONLY = "只有管理员可以修改系统设置。";

/** /admin/settings: saves the SMTP server (an empty password keeps the saved one). */
export async function saveSmtpAction(_state: SettingsFormState, form: FormData): Promise<SettingsFormState> {
  if (!(await adminOrNull())) return { ok: false, message: ADMIN_ONLY };
  const parsed = smtpFormSchema.safeParse(form);
  if (!parsed.success) return { ok: false, message: firstIssue(parsed.error, "设置无效，未保存。") };
  try {
    await saveSmtpSettings(parsed.data);
  } catch {
    return { ok: false, message: "保存失败，请稍后重试。" };
  }
  revalidatePath("/admin/settings");
  return { ok: true, message: "已保存邮件服务器设置。之后的提醒邮件将通过它发送。" };
}

/** /admin/settings: sends one email at once (not through the outbox), so the admin sees the SMTP server's answer. */
export async function sendTestEmailAction(_state: SettingsFormState, form: FormData): Promise<SettingsFormState> {
  if (!(await adminOrNull())) return { ok: false, message: ADMIN_ONLY };
  const parsed = testEmailFormSchema.safeParse(form);
  if (!parsed.success) return { ok: false, message: firstIssue(parsed.error, "请求无效。") };
  const settings = await smtpSettings();
  if (!settings) return { ok: false, message: "尚未保存邮件服务器设置，请先填写并保存。" };
  const transport = smtpTransport(settings);
  try {
    await sendMail(transport, settings, {
      to: parsed.data.to,
      subject: "【测试邮件】京东运营线上培训",
      text: "这是一封测试邮件：收到它说明邮件服务器设置正确，学习提醒邮件可以正常发送。",
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, message: `发送失败：${reason.slice(0, 200)}。请检查服务器地址、端口、加密方式和账号。` };
  } finally {
    transport.close();
  }
  return { ok: true, message: `测试邮件已发送到 ${parsed.data.to}，请查收。` };
}
