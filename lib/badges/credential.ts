// An Open Badges 3.0 OpenBadgeCredential for a certificate (decision 041): the data model only,
// pure, so the unit tests see exactly what gets signed. Signing and verifying: lib/badges/sign.ts.
import { createHash } from "node:crypto";
import type { AssessmentConfig } from "@/lib/content/question-schema";
import { CERTIFICATE_TITLE, COURSE_NAME, verifyPath } from "@/lib/certificates/rules";

// OB 3.0.3 is built on the VC Data Model 2.0: its context pair, validFrom instead of issuanceDate.
export const VC_CONTEXT = "https://www.w3.org/ns/credentials/v2";
export const OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
export const CREDENTIAL_TYPES = ["VerifiableCredential", "OpenBadgeCredential"] as const;
export const REVOCATION_LIST_TYPE = "1EdTechRevocationList";

export const issuerId = (origin: string) => `${origin}/badges/issuer`;
export const achievementId = (origin: string) => `${origin}/badges/achievement`;
/** The credential's id is its certificate's public verification page. */
export const credentialId = (origin: string, code: string) => `${origin}${verifyPath(code)}`;
export const revocationListUrl = (origin: string, code: string) => `${origin}/badges/revocations/${code}`;

export type IssuerProfile = { "@context"?: string[]; id: string; type: ["Profile"]; name: string; url: string };

export function issuerProfile(origin: string, withContext = false): IssuerProfile {
  const profile: IssuerProfile = { id: issuerId(origin), type: ["Profile"], name: COURSE_NAME, url: `${origin}/` };
  return withContext ? { "@context": [VC_CONTEXT, OB_CONTEXT], ...profile } : profile;
}

type Rules = Pick<AssessmentConfig, "certificateScore" | "weights">;

export function achievement(origin: string, rules: Rules) {
  const { part1, part2, part3 } = rules.weights;
  return {
    id: achievementId(origin),
    type: ["Achievement"],
    achievementType: "Certificate",
    name: CERTIFICATE_TITLE,
    description: `完成「${COURSE_NAME}」全部 8 个模块的学习，并在结业考核中取得 ${rules.certificateScore} 分以上（满分 100）。`,
    criteria: {
      narrative: `学完全部 8 个模块的课程；参加结业考核（理论知识测试 ${part1}%、实操案例分析 ${part2}%、运营方案设计 ${part3}%），由讲师批阅并发布成绩，总分不低于 ${rules.certificateScore} 分。`,
    },
  };
}

/**
 * OB 3.0 IdentityObject for an e-mail address: "sha256$" + hex SHA-256 of the address (trimmed,
 * lower case) followed by the salt, as in Open Badges 2.0; the salt travels with the hash.
 */
export function emailIdentity(email: string, salt: string) {
  const hash = createHash("sha256").update(email.trim().toLowerCase() + salt).digest("hex");
  return { type: "IdentityObject", identityHash: `sha256$${hash}`, identityType: "emailAddress", hashed: true, salt };
}

/**
 * One salt per certificate, derived from its private row id: the same certificate always yields the
 * same identifier (downloading again changes nothing but the signing time), and the hash of one
 * holder's address differs from credential to credential.
 */
export const identitySalt = (certificateId: string) => createHash("sha256").update(`jd-course:ob-salt:${certificateId}`).digest("hex").slice(0, 32);

/** An opaque holder id for `sub` (VC-JWT wants one): UUID-shaped, derived from the certificate's row id. */
export function holderId(certificateId: string): string {
  const h = createHash("sha256").update(`jd-course:ob-holder:${certificateId}`).digest("hex");
  return `urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export type CredentialFacts = { id: string; code: string; issuedAt: Date; email: string };

export function openBadgeCredential(origin: string, cert: CredentialFacts, rules: Rules) {
  return {
    "@context": [VC_CONTEXT, OB_CONTEXT],
    id: credentialId(origin, cert.code),
    type: [...CREDENTIAL_TYPES],
    issuer: issuerProfile(origin),
    validFrom: cert.issuedAt.toISOString(),
    name: CERTIFICATE_TITLE,
    credentialSubject: {
      id: holderId(cert.id),
      type: ["AchievementSubject"],
      identifier: [emailIdentity(cert.email, identitySalt(cert.id))],
      achievement: achievement(origin, rules),
    },
    credentialStatus: { id: revocationListUrl(origin, cert.code), type: REVOCATION_LIST_TYPE },
  };
}

export type OpenBadgeCredential = ReturnType<typeof openBadgeCredential>;

/** OB 3.0 §8.2.3: the JWT claims that mirror the credential, the credential itself under `vc`. */
export function jwtClaims(credential: OpenBadgeCredential) {
  return {
    iss: credential.issuer.id,
    jti: credential.id,
    sub: credential.credentialSubject.id,
    nbf: Math.floor(Date.parse(credential.validFrom) / 1000),
    vc: credential,
  };
}

/**
 * The 1EdTech revocation list for one credential: empty, or naming it. One list per credential, so
 * it tells nobody about other certificates; no reason, which may be personal.
 */
export function revocationList(origin: string, code: string, revoked: boolean) {
  return { id: revocationListUrl(origin, code), issuer: issuerId(origin), revokedCredentials: revoked ? [{ id: credentialId(origin, code) }] : [] };
}
