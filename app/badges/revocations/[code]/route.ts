import { revocationList } from "@/lib/badges/credential";
import { notFoundJson, publicJson } from "@/lib/badges/http";
import { certificateForBadge } from "@/lib/badges/queries";
import { publicOrigin } from "@/lib/certificates/origin";
import { pdfParamsSchema } from "@/lib/certificates/schema";

export const dynamic = "force-dynamic";

/**
 * A credential's credentialStatus (1EdTechRevocationList): names the credential once its
 * certificate is revoked. A read only; the 80-bit codes cannot be enumerated.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ code: string }> }) {
  const parsed = pdfParamsSchema.safeParse(await params);
  const cert = parsed.success ? await certificateForBadge(parsed.data.code) : null;
  if (!cert) return notFoundJson("未找到该证书。");
  // Revocation must be seen at once: not cached.
  return publicJson(revocationList(publicOrigin(), cert.code, cert.revokedAt !== null), { maxAge: 0 });
}
