import "server-only";
import { decodeJwt, decodeProtectedHeader, errors, jwtVerify } from "jose";
import { z } from "@/lib/zod";
import { CREDENTIAL_TYPES, credentialId, issuerId } from "@/lib/badges/credential";
import { SIGNING_ALG, keyObject, thumbprintOf } from "@/lib/badges/keys";
import { allSigningKeys, certificateForBadge } from "@/lib/badges/queries";

export type Verdict =
  | { kind: "valid"; code: string; printedName: string | null; issuedAt: Date }
  | { kind: "revoked"; code: string; revokedAt: Date | null }
  | { kind: "bad-signature" }
  | { kind: "foreign"; issuer: string | null }
  | { kind: "expired" }
  | { kind: "unreadable" };

// What a credential we signed must say beyond its signature; anything else was not made here.
const signedCredential = z.object({
  id: z.string(),
  type: z.array(z.string()).refine((t) => CREDENTIAL_TYPES.every((x) => t.includes(x))),
  issuer: z.object({ id: z.string() }),
});

function decoded(jwt: string) {
  try {
    return { header: decodeProtectedHeader(jwt), payload: decodeJwt(jwt) };
  } catch {
    return null;
  }
}

/**
 * Checks a VC-JWT against this installation: issuer, signature (any of our key generations, by
 * the kid's thumbprint), expiry, then the certificate's current revocation. Never throws on input.
 */
export async function verifyCredential(origin: string, jwt: string): Promise<Verdict> {
  const token = decoded(jwt);
  if (!token) return { kind: "unreadable" };
  const iss = typeof token.payload.iss === "string" ? token.payload.iss : null;
  if (iss !== issuerId(origin)) return { kind: "foreign", issuer: iss };

  const kid = typeof token.header.kid === "string" ? thumbprintOf(token.header.kid) : null;
  const key = (await allSigningKeys()).find((k) => k.thumbprint === kid);
  if (!key) return { kind: "bad-signature" };
  let payload;
  try {
    ({ payload } = await jwtVerify(jwt, await keyObject(key, "public"), { algorithms: [SIGNING_ALG], issuer: issuerId(origin), clockTolerance: 60 }));
  } catch (error) {
    return error instanceof errors.JWTExpired ? { kind: "expired" } : { kind: "bad-signature" };
  }

  const vc = signedCredential.safeParse(payload.vc);
  const prefix = credentialId(origin, "");
  if (!vc.success || vc.data.issuer.id !== iss || payload.jti !== vc.data.id || !vc.data.id.startsWith(prefix)) return { kind: "unreadable" };
  const code = vc.data.id.slice(prefix.length);
  const cert = await certificateForBadge(code);
  // A certificate deleted with its account no longer stands behind the credential.
  if (!cert) return { kind: "revoked", code, revokedAt: null };
  if (cert.revokedAt) return { kind: "revoked", code: cert.code, revokedAt: cert.revokedAt };
  return { kind: "valid", code: cert.code, printedName: cert.printedName, issuedAt: cert.issuedAt };
}
