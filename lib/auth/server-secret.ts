// The installation's secret as this server process holds it (decision 013), resolved once when the
// module is first loaded. No "server-only" import: the seeder loads it through lib/auth/auth.ts.
import { createHmac } from "node:crypto";
import { sessionSecret } from "@/lib/auth/installation-secret";
import { db } from "@/lib/db";

/** What better-auth signs sessions with: BETTER_AUTH_SECRET, or the installation's own. */
export const SESSION_SECRET = await sessionSecret(db);

/** A key for another use of the secret (option tokens, …): derived, never the session key itself. */
export function derivedKey(purpose: string): string {
  return createHmac("sha256", SESSION_SECRET).update(`jd-course:${purpose}`).digest("base64url");
}
