import "server-only";
import { randomBytes, randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { publicOrigin } from "@/lib/certificates/origin";

// One-time set-password links are better-auth's own reset-password tokens: a verification row
// `reset-password:<token>` whose value is the user id, written here in the caller's transaction
// exactly as better-auth's /request-password-reset writes it, and redeemed by its
// /reset-password endpoint (which hashes the password, creates the credential account when the
// user has none, and deletes the row: the link works once). See decision 030.

const IDENTIFIER_PREFIX = "reset-password:";

/** A token as better-auth makes them (24 URL-safe characters) and as the page accepts them. */
export const SET_PASSWORD_TOKEN = /^[A-Za-z0-9_-]{16,64}$/;

export const setPasswordUrl = (token: string): string => `${publicOrigin()}/reset-password?token=${encodeURIComponent(token)}`;

/** A fresh token per user, valid until `expiresAt`, written in the caller's transaction. */
export async function createSetPasswordTokens(tx: Prisma.TransactionClient, userIds: readonly string[], expiresAt: Date): Promise<Map<string, string>> {
  const tokens = new Map(userIds.map((id) => [id, randomBytes(18).toString("base64url")]));
  await tx.verification.createMany({
    data: [...tokens].map(([userId, token]) => ({ id: randomUUID(), identifier: `${IDENTIFIER_PREFIX}${token}`, value: userId, expiresAt })),
  });
  return tokens;
}

/**
 * Whose link this is while it still works (unused and unexpired), else null. Reads only.
 * `hasPassword`: the account has a password already, so the link came from 忘记密码 (issue 17)
 * rather than from a staff import.
 */
export async function setPasswordLinkOwner(token: string): Promise<{ name: string; email: string; hasPassword: boolean } | null> {
  if (!SET_PASSWORD_TOKEN.test(token)) return null;
  const row = await db.verification.findFirst({ where: { identifier: `${IDENTIFIER_PREFIX}${token}` }, select: { value: true, expiresAt: true } });
  if (!row || row.expiresAt < new Date()) return null;
  const user = await db.user.findUnique({
    where: { id: row.value },
    select: { name: true, email: true, accounts: { where: { providerId: "credential", password: { not: null } }, select: { id: true }, take: 1 } },
  });
  return user ? { name: user.name, email: user.email, hasPassword: user.accounts.length > 0 } : null;
}
