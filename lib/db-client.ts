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
// Under a crowd (500 learners saving at once) every pooled connection can be busy for longer than
// Prisma's default 2 s wait for one; a write that waits is better than a write refused.
const transactionOptions = { maxWait: 10_000, timeout: 20_000 };

export function createDbClient(url: string = databaseUrl()): PrismaClient {
  if (isPostgresUrl(url)) {
    const max = Number(process.env.DATABASE_POOL_SIZE) || 10;
    const adapter = new PrismaPg({ connectionString: url, max });
    return new PostgresClient({ adapter, transactionOptions }) as unknown as PrismaClient;
  }
  // timeout = SQLite busy timeout in ms, so concurrent writers wait instead of failing.
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url, timeout: 5000 }), transactionOptions });
}
