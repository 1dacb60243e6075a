import type { Metadata } from "next";
import Link from "next/link";
import { TableScroll } from "@/components/table-scroll";
import { requireStaff } from "@/lib/auth/guards";
import { listCertificates } from "@/lib/certificates/queries";
import { displayCode, formatScore, verifyPath } from "@/lib/certificates/rules";
import { formatIssueDate } from "@/lib/certificates/format";
import { ReinstateForm, RevokeForm } from "./_components/certificate-forms";
import styles from "./certificates.module.css";

export const metadata: Metadata = { title: "证书管理" };

export default async function CertificatesAdminPage() {
  await requireStaff("/admin/certificates");
  const certificates = await listCertificates();
  const revoked = certificates.filter((c) => c.revokedAt).length;
  return (
    <section className="card stack">
      <h1>证书管理</h1>
      <p className="muted">已发证书 {certificates.length - revoked} 份有效，{revoked} 份已撤销。证书在成绩发布且总分 ≥ 90 时自动签发；撤销后可恢复，证书编号不变。</p>
      {certificates.length === 0 ? (
        <p>还没有签发任何证书。</p>
      ) : (
        <TableScroll label="证书列表">
          <table className={`progress-table ${styles.table}`}>
            <caption className="visually-hidden">已签发的证书</caption>
            <thead>
              <tr><th scope="col">学员</th><th scope="col">证书姓名</th><th scope="col">总分</th><th scope="col">发证日期</th><th scope="col">编号</th><th scope="col">状态</th><th scope="col">操作</th></tr>
            </thead>
            <tbody>
              {certificates.map((c) => (
                <tr key={c.id}>
                  <td>{c.learnerName}<span className={styles.email}>{c.learnerEmail}</span></td>
                  <td>{c.printedName ?? <span className="muted">（待学员填写）</span>}</td>
                  <td>{formatScore(c.finalScore)}</td>
                  <td>{formatIssueDate(c.issuedAt)}</td>
                  <td><Link href={verifyPath(c.code)}>{displayCode(c.code)}</Link></td>
                  <td>{c.revokedAt ? <>已撤销（{formatIssueDate(c.revokedAt)}）<br /><span className="muted">{c.revokeReason}</span></> : "有效"}</td>
                  <td>
                    {c.revokedAt ? <ReinstateForm certificateId={c.id} /> : (
                      <>
                        <a href={`/certificates/${c.code}/pdf`}>PDF</a>
                        <RevokeForm certificateId={c.id} />
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
