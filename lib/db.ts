import { isPostgresUrl } from "@/lib/database-url";
import { createDbClient } from "@/lib/db-client";
import type { PrismaClient } from "@/lib/generated/prisma/client";

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
