// The secret that signs sessions (decision 013): BETTER_AUTH_SECRET when the operator sets one,
// otherwise a random secret this installation generated for itself and keeps in the database, so
// that every app instance on that database signs and checks cookies with the same key. Never a
// value from the source: anything in the repository is public.
// No "server-only" here: scripts (prepare-db, bench) use it outside Next.
import { randomBytes } from "node:crypto";
import { env } from "@/lib/env";
import type { PrismaClient } from "@/lib/generated/prisma/client";

const SESSION_SECRET_ID = "better-auth";

/**
 * This installation's session secret, created on the first call against a database. Race-safe:
 * instances starting at once may each try to insert; one row wins and everyone reads it back.
 */
export async function installationSecret(db: PrismaClient): Promise<string> {
  const existing = await db.installationSecret.findUnique({ where: { id: SESSION_SECRET_ID } });
  if (existing) return existing.value;
  try {
    // 32 random bytes = 256 bits, as base64url (43 characters).
    await db.installationSecret.create({ data: { id: SESSION_SECRET_ID, value: randomBytes(32).toString("base64url") } });
  } catch (error) {
    // Most likely another instance inserted first (a unique violation); its row is the secret.
    const winner = await db.installationSecret.findUnique({ where: { id: SESSION_SECRET_ID } });
    if (winner) return winner.value;
    throw error;
  }
  return (await db.installationSecret.findUniqueOrThrow({ where: { id: SESSION_SECRET_ID } })).value;
}

/** The secret better-auth signs with: the configured one, else the installation's own. */
export async function sessionSecret(db: PrismaClient): Promise<string> {
  return env.BETTER_AUTH_SECRET ?? installationSecret(db);
}
