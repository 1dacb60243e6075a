import type { Metadata } from "next";
import Link from "next/link";
import { requireAdmin } from "@/lib/auth/guards";
import { outboxStatus } from "@/lib/outbox/queries";
import { smtpSettingsView } from "@/lib/settings/queries";
import { publicOrigin } from "@/lib/certificates/origin";
import { ssoSettingsView } from "@/lib/sso/queries";
import { doubleGradingSettings } from "@/lib/grading/settings";
import { DoubleGradingForm } from "./_components/double-grading-form";
import { OutboxPanel } from "./_components/outbox-panel";
import { SmtpForm } from "./_components/smtp-form";
import { SsoForm } from "./_components/sso-form";
import { TestEmailForm } from "./_components/test-email-form";

export const metadata: Metadata = { title: "系统设置" };

export default async function SettingsPage() {
  const me = await requireAdmin("/admin/settings");
  const [smtp, outbox, sso, double] = await Promise.all([smtpSettingsView(), outboxStatus(), ssoSettingsView(), doubleGradingSettings()]);
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
      <section className="card stack" aria-labelledby="sso-heading">
        <h2 id="sso-heading">企业登录（单点登录）</h2>
        <p className="muted">
          员工用企业账号（OpenID Connect、企业微信、钉钉或飞书）登录，首次登录自动创建学员账号；邮箱与已有账号相同且已由企业验证时，登录到该账号。
          {sso?.enabled ? null : " 当前未启用。"}
        </p>
        <SsoForm settings={sso} callbackUrl={`${publicOrigin()}/api/auth/callback/sso`} />
      </section>
      <section className="card stack" aria-labelledby="double-heading">
        <h2 id="double-heading">双评（评分一致性）</h2>
        <p className="muted">
          第二、三部分的评分依赖批阅人的判断。抽中的答卷由两位批阅人分别盲评：各评分项分差在容差以内时取平均分；超出时由第三位批阅人仲裁，仲裁前成绩不能发布。
        </p>
        <DoubleGradingForm settings={double} />
      </section>
      <section className="card stack">
        <h2>学习记录（xAPI）</h2>
        <p className="muted">把学员的学习记录发送到公司的学习记录库（LRS）：<Link href="/admin/xapi">设置 LRS 并查看发送状态</Link>。</p>
      </section>
    </>
  );
}
