import type { PrismaClient } from "@/lib/generated/prisma/client";

// better-auth reads a session without its cache cookie (a learner's first request after the
// 30 s bound, every staff check) as two Prisma queries, the session by token and then its user,
// each planned again by Prisma 6.19's query compiler (decision 012): about 2–3 ms of CPU. Its
// `joins` option makes that one Prisma query with `select: { user: true }`, which on SQLite is
// still two statements and cost no less (measured, decision 027). This client extension answers
// exactly that query shape with one indexed statement; every other query passes through.

type TokenLookup = { where?: unknown; select?: unknown };

/** The token, when better-auth asks for one session by token with its user; otherwise undefined. */
export function sessionWithUserLookup(args: TokenLookup): string | undefined {
  const { where, select } = args as { where?: Record<string, unknown>; select?: Record<string, unknown> };
  if (!where || !select || select.user !== true || Object.keys(where).length !== 1) return undefined;
  const token = where.token as { equals?: unknown } | undefined;
  if (!token || Object.keys(token).length !== 1 || typeof token.equals !== "string") return undefined;
  return token.equals;
}

type Row = {
  id: string; expiresAt: unknown; token: string; createdAt: unknown; updatedAt: unknown;
  ipAddress: string | null; userAgent: string | null; userId: string;
  u_id: string; u_name: string; u_email: string; u_emailVerified: unknown; u_image: string | null;
  u_role: string; u_createdAt: unknown; u_updatedAt: unknown; u_lastActivityAt: unknown;
};

// SQLite hands DateTime columns to raw queries as stored (ISO text), PostgreSQL as Date.
const toDate = (value: unknown) => (value instanceof Date ? value : new Date(value as string | number));
const toOptionalDate = (value: unknown) => (value === null || value === undefined ? null : toDate(value));

/** The row as Prisma's `findFirst({ where: { token }, select: { …, user: true } })` would return it. */
export function reshapeSessionRow(row: Row) {
  return {
    id: row.id,
    expiresAt: toDate(row.expiresAt),
    token: row.token,
    createdAt: toDate(row.createdAt),
    updatedAt: toDate(row.updatedAt),
    ipAddress: row.ipAddress,
    userAgent: row.userAgent,
    userId: row.userId,
    user: {
      id: row.u_id,
      name: row.u_name,
      email: row.u_email,
      // SQLite keeps booleans as 0/1.
      emailVerified: Boolean(row.u_emailVerified),
      image: row.u_image,
      role: row.u_role,
      createdAt: toDate(row.u_createdAt),
      updatedAt: toDate(row.u_updatedAt),
      lastActivityAt: toOptionalDate(row.u_lastActivityAt),
    },
  };
}

/**
 * The session and its user in one statement: the unique index on token, then the user's primary
 * key. A deactivated user's session reads as none (decision 036), even one created in the instant
 * before the deactivation committed.
 */
async function readSessionWithUser(client: PrismaClient, token: string) {
  const rows = await client.$queryRaw<Row[]>`
    SELECT s."id", s."expiresAt", s."token", s."createdAt", s."updatedAt", s."ipAddress", s."userAgent", s."userId",
           u."id" AS "u_id", u."name" AS "u_name", u."email" AS "u_email", u."emailVerified" AS "u_emailVerified",
           u."image" AS "u_image", u."role" AS "u_role", u."createdAt" AS "u_createdAt", u."updatedAt" AS "u_updatedAt",
           u."lastActivityAt" AS "u_lastActivityAt"
    FROM "session" s JOIN "user" u ON u."id" = s."userId"
    WHERE s."token" = ${token} AND u."deactivatedAt" IS NULL`;
  return rows.length ? reshapeSessionRow(rows[0]) : null;
}

/** The client better-auth is given: the app's, with its session-by-token read made one statement. */
export function withOneStatementSessionRead(client: PrismaClient) {
  return client.$extends({
    query: {
      session: {
        async findFirst({ args, query }) {
          const token = sessionWithUserLookup(args);
          if (token === undefined) return query(args);
          return (await readSessionWithUser(client, token)) as Awaited<ReturnType<typeof query>>;
        },
      },
    },
  });
}
