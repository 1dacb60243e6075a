import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";
import { allowVerifyLookup, getByCode } from "@/lib/certificates/queries";
import { clientAddress } from "@/lib/security/client-address";
import { CERTIFICATE_TITLE, displayCode, normalizeCode, scoreBand } from "@/lib/certificates/rules";
import { formatIssueDate } from "@/lib/certificates/format";
import { loadAssessment } from "@/lib/content/banks";
import styles from "./verify.module.css";

// Public: no requireUser here. Nobody should index certificate holders.
export const metadata: Metadata = { title: "证书核验", robots: { index: false, follow: false, nocache: true } };

type Props = { params: Promise<{ code: string }> };

export default async function VerifyPage({ params }: Props) {
  const { code } = await params;
  // Every lookup counts, found or not, so codes cannot be enumerated.
  if (!(await allowVerifyLookup(clientAddress(await headers())))) {
    return (
      <section className="card stack">
        <h1>查询过于频繁（429）</h1>
        <p className="muted">同一网络每分钟最多核验 30 次证书。请稍后再试。</p>
      </section>
    );
  }
  const cert = normalizeCode(code) ? await getByCode(code) : null;
  // An unknown code answers 404 (./not-found.tsx says what to check).
  if (!cert) notFound();
  const revoked = cert.revokedAt !== null;
  return (
    <section className={`card stack ${styles.result}`}>
      <p className={revoked ? styles.revoked : styles.valid} role="status">
        {revoked ? `✗ 该证书已于 ${formatIssueDate(cert.revokedAt!)} 撤销，不再有效` : "✓ 证书有效"}
      </p>
      <h1>{CERTIFICATE_TITLE}</h1>
      <dl className={styles.facts}>
        <dt>持证人</dt><dd>{cert.printedName ?? "（持证人尚未确认姓名）"}</dd>
        <dt>课程</dt><dd>{cert.courseName}</dd>
        <dt>成绩</dt><dd>{scoreBand(loadAssessment().config)}</dd>
        <dt>发证日期</dt><dd>{formatIssueDate(cert.issuedAt)}</dd>
        <dt>证书编号</dt><dd>{displayCode(cert.code)}</dd>
      </dl>
      {revoked ? null : (
        <p>
          <a href={`/certificates/${cert.code}/badge`} download>下载电子徽章（Open Badges 3.0）</a>
          <span className="muted">（持证人登录后下载）</span>
        </p>
      )}
      <p className="muted">
        本页面由课程平台生成，仅用于核验证书真伪。收到的是电子徽章文件？<Link href="/verify">上传核验</Link>
      </p>
    </section>
  );
}
