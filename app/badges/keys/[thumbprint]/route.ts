import { keyUrl } from "@/lib/badges/keys";
import { notFoundJson, publicJson } from "@/lib/badges/http";
import { allSigningKeys } from "@/lib/badges/queries";
import { publicOrigin } from "@/lib/certificates/origin";
import { z } from "@/lib/zod";

export const dynamic = "force-dynamic";

// An RFC 7638 SHA-256 thumbprint: 43 base64url characters.
const paramsSchema = z.object({ thumbprint: z.string().regex(/^[A-Za-z0-9_-]{43}$/) });

/** One public key, what a credential header's kid dereferences to (OB 3.0 §8.2). */
export async function GET(_request: Request, { params }: { params: Promise<{ thumbprint: string }> }) {
  const parsed = paramsSchema.safeParse(await params);
  const key = parsed.success ? (await allSigningKeys()).find((k) => k.thumbprint === parsed.data.thumbprint) : undefined;
  if (!key) return notFoundJson("没有这个签名密钥。");
  return publicJson({ ...key.publicJwk, kid: keyUrl(publicOrigin(), key.thumbprint) });
}
