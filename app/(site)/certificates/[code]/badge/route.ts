import type { NextRequest } from "next/server";
import { verifiedUserOrNull } from "@/lib/auth/guards";
import { isStaff } from "@/lib/auth/roles";
import { certificateForBadge } from "@/lib/badges/queries";
import { signCredential } from "@/lib/badges/sign";
import { publicOrigin } from "@/lib/certificates/origin";
import { pdfParamsSchema } from "@/lib/certificates/schema";
import { loadAssessment } from "@/lib/content/banks";

type Context = { params: Promise<{ code: string }> };

const text = (body: string, status: number) => new Response(body, { status, headers: { "content-type": "text/plain; charset=utf-8" } });

/**
 * The certificate as an Open Badges 3.0 credential (VC-JWT), for its holder and for staff, like
 * the PDF: the credential carries the holder's hashed e-mail, which a stranger has no use for.
 */
export async function GET(_request: NextRequest, { params }: Context) {
  const parsed = pdfParamsSchema.safeParse(await params);
  if (!parsed.success) return text("找不到这份证书。", 404);
  const { code } = parsed.data;
  const user = await verifiedUserOrNull();
  if (!user) return new Response(null, { status: 303, headers: { location: `/sign-in?next=${encodeURIComponent(`/certificates/${code}/badge`)}` } });
  const cert = await certificateForBadge(code);
  if (!cert || (cert.userId !== user.id && !isStaff(user.role))) return text("找不到这份证书。", 404);
  if (cert.revokedAt) return text("这份证书已被撤销，不能下载电子徽章。", 410);
  const jwt = await signCredential(publicOrigin(), cert, loadAssessment().config);
  return new Response(jwt, {
    headers: {
      "content-type": "application/vc+jwt",
      "content-disposition": `attachment; filename="open-badge-${cert.code}.jwt"; filename*=UTF-8''${encodeURIComponent(`京东认证运营专家证书-电子徽章-${cert.code}.jwt`)}`,
      "cache-control": "private, no-store",
      "x-robots-tag": "noindex, nofollow",
    },
  });
}
