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

/** `onStatement`: called with every SQL statement sent (tests count them). */
export function createDbClient(url: string = databaseUrl(), { onStatement }: { onStatement?: (sql: string) => void } = {}): PrismaClient {
  const log = onStatement ? [{ emit: "event" as const, level: "query" as const }] : undefined;
  let client: PrismaClient;
  if (isPostgresUrl(url)) {
    const max = Number(process.env.DATABASE_POOL_SIZE) || 10;
    const adapter = new PrismaPg({ connectionString: url, max });
    client = new PostgresClient({ adapter, transactionOptions, log }) as unknown as PrismaClient;
  } else {
    // timeout = SQLite busy timeout in ms, so concurrent writers wait instead of failing.
    client = new PrismaClient({ adapter: new ImmediateTransactions({ url, timeout: 5000 }), transactionOptions, log });
  }
  if (onStatement) (client as unknown as { $on(event: "query", f: (e: { query: string }) => void): void }).$on("query", (e) => onStatement(e.query));
  return client;
}

/**
 * Prisma's better-sqlite3 adapter opens transactions with a deferred BEGIN: the transaction reads
 * first and takes the write lock only at its first write. Several processes on one file (the
 * cluster's workers, decision 024) then fail that upgrade with SQLITE_BUSY_SNAPSHOT whenever
 * another process wrote in between, at once, without waiting for the busy timeout. BEGIN
 * IMMEDIATE takes the write lock at the start, waiting for it as long as the busy timeout allows.
 * In one process nothing changes: the adapter runs one transaction at a time on its connection.
 */
class ImmediateTransactions extends PrismaBetterSQLite3 {
  override async connect() {
    const adapter = await super.connect();
    // The adapter keeps its better-sqlite3 connection as `client` and prepares "BEGIN" on it.
    const client = (adapter as unknown as { client?: { prepare?: (sql: string) => unknown } }).client;
    if (typeof client?.prepare !== "function") throw new Error("@prisma/adapter-better-sqlite3 changed: BEGIN IMMEDIATE not set up (lib/db-client.ts)");
    const prepare = client.prepare.bind(client);
    client.prepare = (sql: string) => prepare(sql === "BEGIN" ? "BEGIN IMMEDIATE" : sql);
    return adapter;
  }
}
