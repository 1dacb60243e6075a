// npm run db:reset: deletes the database DATABASE_URL names and everything in it (the SQLite file
// and its WAL files, or the PostgreSQL database), so that the next `npm start` begins empty.
import { rmSync } from "node:fs";
import { databaseUrl, isPostgresUrl, sqlitePath } from "@/lib/database-url";
import { recreateDatabase, databaseOn } from "./postgres-admin";

const url = databaseUrl();
if (isPostgresUrl(url)) {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  await recreateDatabase(databaseOn(url, "postgres"), name);
  console.log(`已清空 PostgreSQL 数据库 ${name}。`);
} else {
  for (const suffix of ["", "-wal", "-shm"]) rmSync(sqlitePath(url) + suffix, { force: true });
  console.log(`已删除 ${sqlitePath(url)}。`);
}
