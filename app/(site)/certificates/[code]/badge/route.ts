import type { NextRequest } from "next/server";
import { certificateForBadge } from "@/lib/badges/queries";
import { signCredential } from "@/lib/badges/sign";
import { attachmentHeaders, certificateForDownload } from "@/lib/certificates/download";
import { publicOrigin } from "@/lib/certificates/origin";
import { loadAssessment } from "@/lib/content/banks";

type Context = { params: Promise<{ code: string }> };

/**
 * The certificate as an Open Badges 3.0 credential (VC-JWT), for its holder and for staff, like
 * the PDF: the credential carries the holder's hashed e-mail, which a stranger has no use for.
 */
export async function GET(_request: NextRequest, { params }: Context) {
  const found = await certificateForDownload(params, "badge", certificateForBadge, "这份证书已被撤销，不能下载电子徽章。");
  if (!found.ok) return found.response;
  const { cert } = found;
  const jwt = await signCredential(publicOrigin(), cert, loadAssessment().config);
  return new Response(jwt, { headers: attachmentHeaders("application/vc+jwt", `open-badge-${cert.code}.jwt`, `京东认证运营专家证书-电子徽章-${cert.code}.jwt`) });
}
