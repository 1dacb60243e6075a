import type { Metadata } from "next";
import Link from "next/link";
import { requireAdmin } from "@/lib/auth/guards";
import { lrsSettingsView, xapiOutboxStatus } from "@/lib/xapi/queries";
import { LrsForm } from "./_components/lrs-form";
import { XapiOutbox } from "./_components/xapi-outbox";

export const metadata: Metadata = { title: "学习记录（xAPI）" };

export default async function XapiPage() {
  await requireAdmin("/admin/xapi");
  const [settings, status] = await Promise.all([lrsSettingsView(), xapiOutboxStatus()]);
  return (
    <>
      <p className="breadcrumb"><Link href="/admin">学员总览</Link> / <Link href="/admin/settings">系统设置</Link> / 学习记录（xAPI）</p>
      <section className="card stack">
        <h1>学习记录（xAPI）</h1>
        <p className="muted">
          配置学习记录库（LRS）后，学员完成课时、完成单元测验、开始与提交结业考核、成绩发布（通过或未通过）、获得或被撤销证书时，
          都会生成一条 xAPI 1.0.3 学习记录，按发生顺序发送到 LRS；LRS 暂时不可用时自动重试，不会丢失，也不会重复。
          {settings ? null : " 当前尚未配置 LRS，不生成学习记录。"}
        </p>
        <h2>学习记录库（LRS）</h2>
        <LrsForm settings={settings} />
      </section>
      <XapiOutbox status={status} configured={Boolean(settings)} />
    </>
  );
}
