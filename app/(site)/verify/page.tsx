import type { Metadata } from "next";
import Link from "next/link";
import { BadgeUploadForm } from "./_components/badge-upload-form";

export const metadata: Metadata = { title: "核验电子徽章", robots: { index: false, follow: false, nocache: true } };

// Public, and a read only: the check itself is the form's action (rate limited there).
export default function VerifyBadgePage() {
  return (
    <section className="card stack">
      <h1>核验电子徽章</h1>
      <p>
        上传持证人提供的电子徽章文件（Open Badges 3.0，.jwt），或粘贴其中的全部文本。本页核验签名是否出自本课程平台、
        证书是否仍然有效。
      </p>
      <BadgeUploadForm />
      <p className="muted">
        手中是纸质或 PDF 证书？请扫描证书上的二维码，或打开证书上印的核验网址。签发方信息：<Link href="/badges/issuer">/badges/issuer</Link>
        ，公钥：<Link href="/badges/jwks.json">/badges/jwks.json</Link>。
      </p>
    </section>
  );
}
