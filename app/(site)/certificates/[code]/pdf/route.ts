import type { NextRequest } from "next/server";
import { verifiedUserOrNull } from "@/lib/auth/guards";
import { isStaff } from "@/lib/auth/roles";
import { getByCode, markDownloaded } from "@/lib/certificates/queries";
import { renderCertificatePdf } from "@/lib/certificates/pdf";
import { verifyPath } from "@/lib/certificates/rules";
import { publicOrigin } from "@/lib/certificates/origin";
import { pdfParamsSchema } from "@/lib/certificates/schema";

type Context = { params: Promise<{ code: string }> };

const text = (body: string, status: number) => new Response(body, { status, headers: { "content-type": "text/plain; charset=utf-8" } });

/** The certificate PDF: for its owner, and for trainers and admins. */
export async function GET(_request: NextRequest, { params }: Context) {
  const parsed = pdfParamsSchema.safeParse(await params);
  if (!parsed.success) return text("找不到这份证书。", 404);
  const { code } = parsed.data;
  const user = await verifiedUserOrNull();
  // A relative Location: the browser stays on the host it asked.
  if (!user) return new Response(null, { status: 303, headers: { location: `/sign-in?next=${encodeURIComponent(`/certificates/${code}/pdf`)}` } });
  const cert = await getByCode(code);
  // Someone else's code answers exactly like an unknown one.
  if (!cert || (cert.userId !== user.id && !isStaff(user.role))) return text("找不到这份证书。", 404);
  if (cert.revokedAt) return text("这份证书已被撤销，不能下载。", 410);
  if (!cert.printedName) return text("请先在考核结果页填写证书上的姓名，再下载证书。", 409);
  const bytes = await renderCertificatePdf({ ...cert, printedName: cert.printedName, verifyUrl: `${publicOrigin()}${verifyPath(cert.code)}` });
  // The learner's first download is when the name was printed: from now on it is locked.
  if (cert.userId === user.id) await markDownloaded(cert.id);
  return new Response(Buffer.from(bytes), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="certificate-${cert.code}.pdf"; filename*=UTF-8''${encodeURIComponent(`京东认证运营专家证书-${cert.code}.pdf`)}`,
      "cache-control": "private, no-store",
      "x-robots-tag": "noindex, nofollow",
    },
  });
}
