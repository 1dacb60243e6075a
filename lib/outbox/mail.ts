import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { SMTP_TIMEOUT_MS } from "@/lib/outbox/rules";
import type { SmtpSettings } from "@/lib/settings/schema";

export type Mail = { to: string; subject: string; text: string };

/** An SMTP connection from the saved settings (one per sending round; close it after). */
export function smtpTransport(settings: SmtpSettings): Transporter {
  return nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    auth: settings.user ? { user: settings.user, pass: settings.password } : undefined,
    connectionTimeout: SMTP_TIMEOUT_MS,
    greetingTimeout: SMTP_TIMEOUT_MS,
    socketTimeout: SMTP_TIMEOUT_MS,
  });
}

export async function sendMail(transport: Transporter, settings: SmtpSettings, mail: Mail): Promise<void> {
  await transport.sendMail({ from: settings.from, to: mail.to, subject: mail.subject, text: mail.text });
}

/** Without SMTP settings a message goes to the server log instead (and counts as sent). */
export function logMail(mail: Mail): void {
  console.log(`[邮件·未配置 SMTP，仅记录] 收件人：${mail.to}\n主题：${mail.subject}\n${mail.text}`);
}
