import "server-only";
import { SignJWT } from "jose";
import type { AssessmentConfig } from "@/lib/content/question-schema";
import { jwtClaims, openBadgeCredential, type CredentialFacts } from "@/lib/badges/credential";
import { SIGNING_ALG, keyObject, keyUrl } from "@/lib/badges/keys";
import { currentSigningKey } from "@/lib/badges/queries";

/** OB 3.0 §8.2 VC-JWT: header alg/kid/typ, the mirrored claims, the credential under `vc`. */
export async function signCredential(origin: string, cert: CredentialFacts, rules: Pick<AssessmentConfig, "certificateScore" | "weights">): Promise<string> {
  const key = await currentSigningKey();
  const { vc, ...claims } = jwtClaims(openBadgeCredential(origin, cert, rules));
  return new SignJWT({ vc })
    .setProtectedHeader({ alg: SIGNING_ALG, kid: keyUrl(origin, key.thumbprint), typ: "JWT" })
    .setIssuer(claims.iss)
    .setJti(claims.jti)
    .setSubject(claims.sub)
    .setNotBefore(claims.nbf)
    .setIssuedAt()
    .sign(await keyObject(key, "private"));
}
