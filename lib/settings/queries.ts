import "server-only";
import { SMTP_SETTING_KEY, smtpSettingsSchema, type SmtpForm, type SmtpSettings, type SmtpSettingsView } from "@/lib/settings/schema";
import { readSetting, writeSetting } from "@/lib/settings/stored";

/** The saved SMTP settings, or null when none are saved (or the row no longer parses). */
export async function smtpSettings(): Promise<SmtpSettings | null> {
  return readSetting(SMTP_SETTING_KEY, smtpSettingsSchema);
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
  await writeSetting(SMTP_SETTING_KEY, smtpSettingsSchema, { host: form.host, port: form.port, secure: form.secure, user: form.user, password, from: form.from });
}
