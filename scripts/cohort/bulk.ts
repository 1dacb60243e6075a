import Database from "better-sqlite3";

// Bulk rows go through better-sqlite3 (the driver under Prisma's adapter) with prepared
// statements, one transaction per chunk. Prisma's createMany was measured here at ~3 ms per
// quiz row (an 8 KB review each: its query compiler walks every value), which put the default
// cohort at several minutes; prepared statements take ~0.15 ms per row. Values are encoded as
// @prisma/adapter-better-sqlite3 encodes them (dates ISO 8601 with "+00:00", booleans 0/1), so
// the app reads these rows exactly like its own. Columns left out take their SQL defaults.

type Row = Record<string, unknown>;

/**
 * A connection for bulk loads (seeder, back-fill). For this connection only: WAL with NORMAL sync
 * cannot corrupt, it only skips an fsync per commit; a bigger page cache keeps the indexes in
 * memory while they are loaded or rebuilt.
 */
export function openBulkSqlite(file: string): Database.Database {
  const sqlite = new Database(file);
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("cache_size = -262144");
  return sqlite;
}

const encode = (value: unknown) => {
  if (value instanceof Date) return value.toISOString().replace("Z", "+00:00");
  if (typeof value === "boolean") return value ? 1 : 0;
  return value ?? null;
};

/**
 * Runs `load` in one transaction with `table`'s indexes dropped, and rebuilds them from their own
 * SQL at the end: one sorted build per index instead of hundreds of thousands of random B-tree
 * inserts (for item_response, minutes become seconds). One transaction, so a failed or killed
 * load leaves the table and its indexes as they were; `load`'s own transactions nest as savepoints.
 */
export function withoutIndexes<T>(sqlite: Database.Database, table: string, load: () => T): T {
  const indexes = sqlite
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL")
    .all(table) as { name: string; sql: string }[];
  return sqlite.transaction(() => {
    for (const { name } of indexes) sqlite.exec(`DROP INDEX "${name}"`);
    const result = load();
    for (const { sql } of indexes) sqlite.exec(sql);
    return result;
  })();
}

export function bulkInserter(sqlite: Database.Database) {
  const statements = new Map<string, Database.Statement>();
  return (table: string, rows: readonly Row[]) => {
    for (const row of rows) {
      const columns = Object.keys(row).filter((c) => row[c] !== undefined);
      const key = `${table}(${columns.join(",")})`;
      let statement = statements.get(key);
      if (!statement) {
        const names = columns.map((c) => `"${c}"`).join(", ");
        statement = sqlite.prepare(`INSERT INTO "${table}" (${names}) VALUES (${columns.map(() => "?").join(", ")})`);
        statements.set(key, statement);
      }
      statement.run(columns.map((c) => encode(row[c])));
    }
  };
}
