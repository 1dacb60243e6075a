import "server-only";
import { db } from "@/lib/db";
import { setPasswordUrl } from "@/lib/auth/set-password-links";
import { enqueueEmail } from "@/lib/outbox/enqueue";
import { sendDue } from "@/lib/outbox/send";

export const RESET_MAIL_SUBJECT = "重置你的京东运营线上培训密码";

export function resetMailText(name: string, email: string, url: string): string {
  return [
    `${name}，你好！`,
    "",
    `我们收到了重置「京东运营线上培训」账号（${email}）密码的请求。请在 1 小时内打开下面的链接设置新密码，链接只能使用一次：`,
    "",
    url,
    "",
    "如果这不是你本人的操作，请忽略本邮件，你的密码不会改变。",
  ].join("\n");
}

/**
 * Queues the reset mail for better-auth's token (the outbox sends it through the SMTP settings, or
 * writes it with its link to the server log), then asks the sender to go now rather than at the
 * next minute's sweep: a person is waiting for this one. A deactivated account gets no mail.
 */
export async function queueResetMail(userId: string, token: string): Promise<void> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { name: true, email: true, deactivatedAt: true } });
  if (!user || user.deactivatedAt) return;
  await db.$transaction((tx) =>
    enqueueEmail(tx, { dedupeKey: `password-reset:${token}`, to: user.email, subject: RESET_MAIL_SUBJECT, text: resetMailText(user.name, user.email, setPasswordUrl(token)) }),
  );
  await sendDue({ budgetMs: 15_000 }).catch((error) => console.error("重置密码邮件将在下一轮发送：", error));
}
