import type Database from "better-sqlite3";

// Bulk rows go through better-sqlite3 (the driver under Prisma's adapter) with prepared
// statements, one transaction per chunk. Prisma's createMany was measured here at ~3 ms per
// quiz row (an 8 KB review each: its query compiler walks every value), which put the default
// cohort at several minutes; prepared statements take ~0.15 ms per row. Values are encoded as
// @prisma/adapter-better-sqlite3 encodes them (dates ISO 8601 with "+00:00", booleans 0/1), so
// the app reads these rows exactly like its own. Columns left out take their SQL defaults.

type Row = Record<string, unknown>;

const encode = (value: unknown) => {
  if (value instanceof Date) return value.toISOString().replace("Z", "+00:00");
  if (typeof value === "boolean") return value ? 1 : 0;
  return value ?? null;
};

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
