import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { PrismaClient as PostgresClient } from "@/lib/generated/prisma-postgres/client";
import { databaseUrl, isPostgresUrl } from "@/lib/database-url";

/**
 * A Prisma client for a database URL. Prisma generates one client per provider from the two
 * schema files (decision 007); both have the same models, so the app is typed against the
 * SQLite one and either works behind it.
 */
export function createDbClient(url: string = databaseUrl()): PrismaClient {
  if (isPostgresUrl(url)) {
    const max = Number(process.env.DATABASE_POOL_SIZE) || 10;
    return new PostgresClient({ adapter: new PrismaPg({ connectionString: url, max }) }) as unknown as PrismaClient;
  }
  // timeout = SQLite busy timeout in ms, so concurrent writers wait instead of failing.
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url, timeout: 5000 }) });
}
