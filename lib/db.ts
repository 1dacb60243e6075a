import { isPostgresUrl } from "@/lib/database-url";
import { createDbClient } from "@/lib/db-client";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";

// One client per process; dev hot reload would otherwise open a new connection per edit.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

export const db = globalForPrisma.prisma ?? createDbClient();
if (process.env.NODE_ENV !== "production") globalForPrisma.prisma = db;

/**
 * A `contains` filter that ignores case on both databases: SQLite's LIKE already does for
 * ASCII; PostgreSQL needs mode "insensitive" (which the SQLite client's types do not know).
 */
export function containsText(q: string): { contains: string } {
  return isPostgresUrl() ? ({ contains: q, mode: "insensitive" } as { contains: string }) : { contains: q };
}

/**
 * `IN` a list of ids as one parameter rather than one per id: thousands of placeholders cost
 * PostgreSQL more to plan than the query costs to run (the dashboard's 学习任务 filter passes
 * every matching learner). An array on PostgreSQL, a JSON array read by json_each on SQLite.
 */
export function inIds(ids: readonly string[]): Prisma.Sql {
  return isPostgresUrl() ? Prisma.sql`= ANY(${[...ids]}::text[])` : Prisma.sql`IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`;
}
