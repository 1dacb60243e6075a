import type { CertificateRecord } from "@/lib/certificates/queries";
import { displayCode, verifyPath } from "@/lib/certificates/rules";
import { formatIssueDate } from "@/lib/certificates/format";
import { CertificatePicture } from "./certificate-picture";
import { PrintedNameForm } from "./printed-name-form";
import styles from "./certificate.module.css";

/** The learner's certificate: confirm the printed name, download the PDF, share the verification link. */
export function CertificatePanel({ certificate: c, origin }: { certificate: CertificateRecord; origin: string }) {
  const verifyUrl = `${origin}${verifyPath(c.code)}`;
  if (c.revokedAt) {
    return (
      <section id="certificate" className={`card stack ${styles.panel}`} aria-labelledby="cert-h">
        <h2 id="cert-h">京东认证运营专家证书</h2>
        <p>你的证书已于 {formatIssueDate(c.revokedAt)} 撤销{c.revokeReason ? `（${c.revokeReason}）` : ""}。如有疑问请联系讲师。</p>
      </section>
    );
  }
  const locked = c.firstDownloadAt !== null;
  return (
    <section id="certificate" className={`card stack ${styles.panel}`} aria-labelledby="cert-h">
      <h2 id="cert-h">恭喜获得京东认证运营专家证书</h2>
      <div className={styles.picture}>
        <CertificatePicture printedName={c.printedName} courseName={c.courseName} finalScore={c.finalScore} issuedAt={c.issuedAt} code={c.code} verifyUrl={verifyUrl} />
      </div>
      {c.printedName ? (
        <p className={styles.download}>
          <a className="button" href={`/certificates/${c.code}/pdf`} download>下载证书（PDF）</a>
          {!locked ? <span className="muted">首次下载后证书姓名将锁定，请先核对图中姓名。</span> : null}
        </p>
      ) : (
        <p className="form__error">账号姓名中没有可印在证书上的文字，请先填写证书上的姓名，再下载证书。</p>
      )}
      <p>
        <a className="button button--ghost" href={`/certificates/${c.code}/badge`} download>下载电子徽章（Open Badges 3.0）</a>
        <span className="muted"> 可导入支持 Open Badges 3.0 的数字徽章钱包或学习平台，任何人可在 <a href="/verify">/verify</a> 上传核验。</span>
      </p>
      <p className="muted">发证日期 {formatIssueDate(c.issuedAt)} · 证书编号 {displayCode(c.code)}</p>
      {locked ? (
        <p>证书姓名：<strong>{c.printedName}</strong>（已下载，姓名已锁定）</p>
      ) : (
        <PrintedNameForm attemptId={c.attemptId} printedName={c.printedName ?? ""} confirmed={c.nameConfirmedAt !== null} />
      )}
      <p>
        证书核验网址（可发给用人单位）：<br />
        <a href={verifyUrl} className={styles.url}>{verifyUrl}</a>
      </p>
    </section>
  );
}
