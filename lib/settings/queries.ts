import "server-only";
import { db } from "@/lib/db";
import { SMTP_SETTING_KEY, smtpSettingsSchema, type SmtpForm, type SmtpSettings, type SmtpSettingsView } from "@/lib/settings/schema";

/** The saved SMTP settings, or null when none are saved (or the row no longer parses). */
export async function smtpSettings(): Promise<SmtpSettings | null> {
  const row = await db.setting.findUnique({ where: { key: SMTP_SETTING_KEY }, select: { value: true } });
  if (!row) return null;
  try {
    const parsed = smtpSettingsSchema.safeParse(JSON.parse(row.value));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The settings for the page: the password itself never leaves the server. */
export async function smtpSettingsView(): Promise<SmtpSettingsView | null> {
  const settings = await smtpSettings();
  if (!settings) return null;
  const { password, ...rest } = settings;
  return { ...rest, hasPassword: password !== "" };
}

/** Saves the form; an empty password keeps the one saved before. */
export async function saveSmtpSettings(form: SmtpForm): Promise<void> {
  const previous = await smtpSettings();
  const password = form.clearPassword ? "" : form.password || previous?.password || "";
  const settings: SmtpSettings = smtpSettingsSchema.parse({ host: form.host, port: form.port, secure: form.secure, user: form.user, password, from: form.from });
  const value = JSON.stringify(settings);
  await db.setting.upsert({ where: { key: SMTP_SETTING_KEY }, create: { key: SMTP_SETTING_KEY, value }, update: { value } });
}
