import { randomBytes } from "node:crypto";
import { formatScore, outcome, type PartScores } from "@/lib/assessment/scoring";
import type { AssessmentConfig } from "@/lib/content/question-schema";

export const COURSE_NAME = "京东运营线上培训";
export const CERTIFICATE_TITLE = "京东认证运营专家证书";
/** Written by a regrade; only a certificate revoked for this reason comes back on a later regrade. */
export const REGRADE_REVOKE_REASON = "重新批阅后总分低于证书分数线";

// Crockford base32: no I, L, O, U, so a code read aloud or off paper is not misread.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const CODE_LENGTH = 16; // 80 bits from the CSPRNG: guessing one is hopeless, and lookups are rate limited

/** A new verification code: 16 base32 characters from crypto random bytes. */
export function newCertificateCode(bytes: Uint8Array = randomBytes(10)): string {
  let bits = 0;
  let value = 0;
  let out = "";
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return out.slice(0, CODE_LENGTH);
}

/** Codes as typed or printed (lower case, dashes, spaces) → stored form; null when it cannot be one. */
export function normalizeCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]/g, "");
  return code.length === CODE_LENGTH && [...code].every((c) => ALPHABET.includes(c)) ? code : null;
}

/** ABCD-EFGH-JKMN-PQRS: how a code is printed. */
export const displayCode = (code: string) => code.match(/.{1,4}/g)!.join("-");

export type AttemptFacts = { status: string; finalScore: number | null };
export type ExistingCertificate = { revokedAt: Date | null; revokeReason: string | null; finalScore: number } | null;
export type CertificateAction =
  | { kind: "none" }
  | { kind: "issue"; finalScore: number }
  | { kind: "update"; finalScore: number }
  | { kind: "revoke"; reason: string }
  | { kind: "reactivate"; finalScore: number };

/**
 * What a released grade means for the attempt's certificate. One certificate per attempt, ever:
 * a drop below the mark revokes it, a later regrade back over the mark re-activates the same
 * one (same code). A certificate revoked by an administrator stays revoked on regrades.
 */
export function certificateAction(attempt: AttemptFacts, existing: ExistingCertificate, config: Pick<AssessmentConfig, "passScore" | "certificateScore">): CertificateAction {
  if (attempt.status !== "released" || attempt.finalScore === null) return { kind: "none" };
  const score = attempt.finalScore;
  const certified = outcome(score, config) === "certified";
  if (!existing) return certified ? { kind: "issue", finalScore: score } : { kind: "none" };
  if (existing.revokedAt) {
    return certified && existing.revokeReason === REGRADE_REVOKE_REASON ? { kind: "reactivate", finalScore: score } : { kind: "none" };
  }
  if (!certified) return { kind: "revoke", reason: REGRADE_REVOKE_REASON };
  return existing.finalScore === score ? { kind: "none" } : { kind: "update", finalScore: score };
}

/** The public page shows a band, not the exact score. */
export const scoreBand = (config: Pick<AssessmentConfig, "certificateScore">) => `${config.certificateScore} 分以上`;

export type PartKey = keyof PartScores;
export type PartShortfall = { part: PartKey; weight: number; contribution: number; lost: number; raiseNeeded: number | null };
export type Shortfall = { gap: number; parts: PartShortfall[] };

/**
 * For a pass below the certificate mark: how many weighted points each part lost, and how many
 * more points in that part alone (on its 0–100 scale) would have reached the mark (null: not
 * enough room in that part alone).
 */
export function shortfall(parts: PartScores, weights: AssessmentConfig["weights"], finalScore: number, certificateScore: number): Shortfall {
  const round = (x: number) => Math.round(x * 1e6) / 1e6;
  const gap = round(certificateScore - finalScore);
  return {
    gap,
    parts: (["part1", "part2", "part3"] as const).map((part) => {
      const weight = weights[part];
      const contribution = round((parts[part] * weight) / 100);
      const lost = round(weight - contribution);
      const needed = weight > 0 ? round((gap * 100) / weight) : Infinity;
      return { part, weight, contribution, lost, raiseNeeded: parts[part] + needed <= 100 ? needed : null };
    }),
  };
}

/** Up, not truncated: "还差 0.1 分" must be enough. */
export const formatGap = (x: number) => (Math.ceil(Math.round(x * 1e6) / 1e5) / 10).toFixed(1);

export { formatScore };

export const verifyPath = (code: string) => `/verify/${code}`;
