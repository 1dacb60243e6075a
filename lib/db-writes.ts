import "server-only";
import Database from "better-sqlite3";
import { isPostgresUrl, sqlitePath } from "@/lib/database-url";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * A few write statements as one transaction, for the hot writes (autosave, lesson completion).
 *
 * On SQLite with several worker processes (decision 024) a transaction through Prisma holds the
 * file's write lock across awaits, and a second process that wants it waits in SQLite's busy
 * handler, which blocks its whole event loop (better-sqlite3 is synchronous): two workers saved
 * fewer answers per second than one (decision 028). Here the transaction runs synchronously on a
 * connection of its own, holding the lock only while its statements run, and a busy lock is
 * waited for with timers, never by blocking. PostgreSQL: Prisma's batch transaction.
 */
export async function writeBatch(statements: Prisma.Sql[]): Promise<void> {
  if (isPostgresUrl()) {
    await db.$transaction(statements.map((statement) => db.$executeRaw(statement)));
    return;
  }
  const connection = sqliteWriter();
  const run = connection.transaction(() => {
    for (const statement of statements) connection.prepare(statement.sql).run(statement.values.map(sqliteValue));
  });
  const deadline = Date.now() + BUSY_TIMEOUT_MS;
  for (let attempt = 0; ; attempt++) {
    try {
      run.immediate();
      return;
    } catch (error) {
      if (!isBusy(error) || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.min(1 + attempt, 20) * Math.random() + 1));
    }
  }
}

const BUSY_TIMEOUT_MS = 5000; // as the Prisma connection's busy timeout (lib/db-client.ts)

// One per process and file (dev hot reload keeps globalThis; tests switch files).
const globalForWriter = globalThis as unknown as { sqliteWriter?: { file: string; connection: Database.Database } };

function sqliteWriter(): Database.Database {
  const file = sqlitePath();
  if (globalForWriter.sqliteWriter?.file !== file) {
    globalForWriter.sqliteWriter?.connection.close();
    // timeout 0: a busy lock is reported at once, and waited for above without blocking.
    globalForWriter.sqliteWriter = { file, connection: new Database(file, { timeout: 0 }) };
  }
  return globalForWriter.sqliteWriter.connection;
}

const isBusy = (error: unknown) => error instanceof Database.SqliteError && error.code.startsWith("SQLITE_BUSY");

/** As Prisma's better-sqlite3 adapter binds values, so rows read the same either way. */
export function sqliteValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().replace("Z", "+00:00");
  if (typeof value === "boolean") return value ? 1 : 0;
  return value;
}
