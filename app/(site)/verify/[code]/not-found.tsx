import Link from "next/link";

// An unknown or malformed certificate code: HTTP 404, and what the visitor can check.
export default function CertificateNotFound() {
  return (
    <section className="card stack">
      <h1>未找到该证书</h1>
      <p>没有与这个编号对应的证书。请核对：</p>
      <ul>
        <li>编号是否与证书上印的一致：16 位，由数字和字母组成（如 ABCD-EFGH-JKMN-PQRS），大小写和连字符不影响查询；</li>
        <li>是否直接扫描了证书上的二维码（扫码打开的链接不会输错）。</li>
      </ul>
      <p className="muted">仍然找不到时，请联系发证的课程管理员核实。</p>
      <p>
        <Link href="/">了解这门课程</Link>
      </p>
    </section>
  );
}
