import type { NextRequest } from "next/server";
import { attachmentHeaders, certificateForDownload, plainText } from "@/lib/certificates/download";
import { getByCode, markDownloaded } from "@/lib/certificates/queries";
import { renderCertificatePdf } from "@/lib/certificates/pdf";
import { verifyPath } from "@/lib/certificates/rules";
import { publicOrigin } from "@/lib/certificates/origin";

type Context = { params: Promise<{ code: string }> };

/** The certificate PDF: for its owner, and for trainers and admins. */
export async function GET(_request: NextRequest, { params }: Context) {
  const found = await certificateForDownload(params, "pdf", getByCode, "这份证书已被撤销，不能下载。");
  if (!found.ok) return found.response;
  const { cert, user } = found;
  if (!cert.printedName) return plainText("请先在考核结果页填写证书上的姓名，再下载证书。", 409);
  const bytes = await renderCertificatePdf({ ...cert, printedName: cert.printedName, verifyUrl: `${publicOrigin()}${verifyPath(cert.code)}` });
  // The learner's first download is when the name was printed: from now on it is locked.
  if (cert.userId === user.id) await markDownloaded(cert.id);
  return new Response(Buffer.from(bytes), { headers: attachmentHeaders("application/pdf", `certificate-${cert.code}.pdf`, `京东认证运营专家证书-${cert.code}.pdf`) });
}
