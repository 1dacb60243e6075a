import type { Metadata } from "next";
import Link from "next/link";
import { requireAdmin } from "@/lib/auth/guards";
import { outboxStatus } from "@/lib/outbox/queries";
import { smtpSettingsView } from "@/lib/settings/queries";
import { OutboxPanel } from "./_components/outbox-panel";
import { SmtpForm } from "./_components/smtp-form";
import { TestEmailForm } from "./_components/test-email-form";

export const metadata: Metadata = { title: "系统设置" };

export default async function SettingsPage() {
  const me = await requireAdmin("/admin/settings");
  const [smtp, outbox] = await Promise.all([smtpSettingsView(), outboxStatus()]);
  return (
    <>
      <p className="breadcrumb"><Link href="/admin">学员总览</Link> / 系统设置</p>
      <section className="card stack">
        <h1>系统设置</h1>
        <h2>邮件服务器（SMTP）</h2>
        <p className="muted">
          学习提醒和账号邮件通过这里的邮件服务器发送。未设置时，邮件内容只写入服务器日志，不会真正发出。
          {smtp ? null : " 当前尚未设置。"}
        </p>
        <SmtpForm settings={smtp} />
      </section>
      <section className="card stack">
        <h2>发送测试邮件</h2>
        <TestEmailForm defaultTo={me.email} configured={Boolean(smtp)} />
      </section>
      <OutboxPanel status={outbox} />
    </>
  );
}
