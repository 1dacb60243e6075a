import pg from "pg";
import { isPostgresUrl, sqlitePath } from "@/lib/database-url";
import { bulkInserter, openBulkSqlite, withoutIndexes } from "./bulk";

// Where the cohort's rows go: the database DATABASE_URL names, SQLite or PostgreSQL, one
// transaction per chunk. Both bypass Prisma for speed (see bulk.ts) and encode values as
// Prisma's adapters do, so the app reads these rows exactly like its own.

type Row = Record<string, unknown>;
export type TableRows = readonly [table: string, rows: readonly Row[]];

/** ~650,000 item responses for the default cohort: their indexes are built once, at the end. */
const BULK_TABLE = "item_response";

function writeSqlite(url: string, chunks: Iterable<TableRows[]>): void {
  const sqlite = openBulkSqlite(sqlitePath(url));
  try {
    const insert = bulkInserter(sqlite);
    withoutIndexes(sqlite, BULK_TABLE, () => {
      for (const tables of chunks) {
        sqlite.transaction(() => {
          for (const [table, rows] of tables) insert(table, rows);
        })();
      }
    });
  } finally {
    sqlite.close();
  }
}

const MAX_PARAMETERS = 30_000; // PostgreSQL allows 65,535 per statement

// timestamp(3) without time zone holds UTC (as Prisma writes it): PostgreSQL ignores an ISO
// string's "Z" for this type, so the UTC wall time is what is stored.
const encodePg = (value: unknown) => (value instanceof Date ? value.toISOString() : (value ?? null));

export async function insertPg(client: pg.Client, table: string, rows: readonly Row[]) {
  // Rows of one table can leave different optional columns out: group them by column set.
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const key = Object.keys(row).filter((c) => row[c] !== undefined).join(",");
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  for (const [key, group] of groups) {
    const columns = key.split(",");
    const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length));
    for (let i = 0; i < group.length; i += perStatement) {
      const slice = group.slice(i, i + perStatement);
      const values = slice.map((_, r) => `(${columns.map((__, c) => `$${r * columns.length + c + 1}`).join(", ")})`);
      const params = slice.flatMap((row) => columns.map((c) => encodePg(row[c])));
      await client.query(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES ${values.join(", ")}`, params);
    }
  }
}

async function writePostgres(url: string, chunks: Iterable<TableRows[]>): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const tables of chunks) {
      await client.query("BEGIN");
      try {
        for (const [table, rows] of tables) await insertPg(client, table, rows);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      }
    }
    await client.query(`ANALYZE`); // fresh statistics for the planner after a bulk load
  } finally {
    await client.end();
  }
}

export async function writeCohort(url: string, chunks: Iterable<TableRows[]>): Promise<void> {
  if (isPostgresUrl(url)) await writePostgres(url, chunks);
  else writeSqlite(url, chunks);
}
