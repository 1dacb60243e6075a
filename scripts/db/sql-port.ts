import pg from "pg";
import { isPostgresUrl, sqlitePath } from "@/lib/database-url";
import { bulkInserter, openBulkSqlite, withoutIndexes } from "../cohort/bulk";
import { insertPg } from "../cohort/writer";

// A plain SQL connection to the database DATABASE_URL names, for bulk maintenance scripts that
// must not go row by row through Prisma (back-fills). SQL is written once with `?` placeholders
// and double-quoted identifiers; for PostgreSQL the placeholders become $1, $2, …

type Row = Record<string, unknown>;

export type SqlPort = {
  all<T>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs a statement; the number of rows it changed. */
  run(sql: string, params?: readonly unknown[]): Promise<number>;
  insert(table: string, rows: readonly Row[]): Promise<void>;
  /** Runs `work` in one transaction (SQLite: with `bulkTable`'s indexes rebuilt once at the end). */
  atomically(work: () => Promise<void>, bulkTable?: string): Promise<void>;
  close(): Promise<void>;
};

function sqlitePort(file: string): SqlPort {
  const sqlite = openBulkSqlite(file);
  const insert = bulkInserter(sqlite);
  // better-sqlite3 is synchronous: collect the work's inserts, then apply them in one transaction.
  let pending: [string, readonly Row[]][] | null = null;
  return {
    async all<T>(sql: string, params: readonly unknown[] = []) {
      return sqlite.prepare(sql).all(...params) as T[];
    },
    async run(sql, params = []) {
      return sqlite.prepare(sql).run(...params).changes;
    },
    async insert(table, rows) {
      if (pending) pending.push([table, rows]);
      else insert(table, rows);
    },
    async atomically(work, bulkTable) {
      pending = [];
      try {
        await work();
        const batches = pending;
        const apply = () => batches.forEach(([table, rows]) => insert(table, rows));
        if (bulkTable) withoutIndexes(sqlite, bulkTable, apply);
        else sqlite.transaction(apply)();
      } finally {
        pending = null;
      }
    },
    async close() {
      sqlite.close();
    },
  };
}

const numbered = (sql: string) => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};

async function postgresPort(url: string): Promise<SqlPort> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    async all<T>(sql: string, params: readonly unknown[] = []) {
      return (await client.query(numbered(sql), [...params])).rows as T[];
    },
    async run(sql, params = []) {
      return (await client.query(numbered(sql), [...params])).rowCount ?? 0;
    },
    insert: (table, rows) => insertPg(client, table, rows),
    async atomically(work) {
      await client.query("BEGIN");
      try {
        await work();
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      }
    },
    async close() {
      await client.end();
    },
  };
}

export async function openSqlPort(url: string): Promise<SqlPort> {
  return isPostgresUrl(url) ? postgresPort(url) : sqlitePort(sqlitePath(url));
}
