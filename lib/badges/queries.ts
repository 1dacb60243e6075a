import "server-only";
import { db } from "@/lib/db";
import { normalizeCode } from "@/lib/certificates/rules";
import { printableName, type PrintedName } from "@/lib/certificates/schema";
import { activeSigningKey, publicJwks, signingKeys, type SigningKey } from "@/lib/badges/keys";

export type BadgeCertificate = { id: string; code: string; userId: string; issuedAt: Date; revokedAt: Date | null; email: string; printedName: PrintedName | null };

/** A certificate and its holder's e-mail (the credential's identifier); null for anything else. */
export async function certificateForBadge(input: string): Promise<BadgeCertificate | null> {
  const code = normalizeCode(input);
  if (!code) return null;
  const row = await db.certificate.findUnique({
    where: { code },
    select: { id: true, code: true, userId: true, issuedAt: true, revokedAt: true, printedName: true, user: { select: { email: true } } },
  });
  return row && { id: row.id, code: row.code, userId: row.userId, issuedAt: row.issuedAt, revokedAt: row.revokedAt, printedName: row.printedName ? printableName(row.printedName) : null, email: row.user.email };
}

/** Creates the installation's first key on the first call (decision 041). */
export const currentSigningKey = (): Promise<SigningKey> => activeSigningKey(db);
export const allSigningKeys = (): Promise<SigningKey[]> => signingKeys(db);
export const jwks = (origin: string) => publicJwks(db, origin);
