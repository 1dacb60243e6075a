import "server-only";
import { db } from "@/lib/db";

/**
 * Whether a session read from the session-cache cookie still stands: its row exists (not signed
 * out, ended, revoked by a password change) and its user is not deactivated. One indexed
 * statement (the unique token index, then the user's primary key), far cheaper than the session
 * read the cookie saves (decision 036).
 */
export async function sessionIsLive(token: string): Promise<boolean> {
  const rows = await db.$queryRaw<unknown[]>`
    SELECT 1 AS "live" FROM "session" s JOIN "user" u ON u."id" = s."userId"
    WHERE s."token" = ${token} AND u."deactivatedAt" IS NULL`;
  return rows.length > 0;
}
