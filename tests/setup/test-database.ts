// Each integration test file gets its own fresh, migrated database: a SQLite file by default, or
// a copy of the migrated template database when TEST_POSTGRES_URL names a PostgreSQL server.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { runPrefix, templateDatabase } from "./global-postgres";
import { recreateDatabase } from "../../scripts/db/postgres-admin";

const server = process.env.TEST_POSTGRES_URL;
if (server) {
  const name = `${runPrefix()}${randomBytes(6).toString("hex")}`;
  process.env.DATABASE_URL = await recreateDatabase(server, name, templateDatabase());
} else {
  const dir = mkdtempSync(path.join(tmpdir(), "jd-course-test-"));
  process.env.DATABASE_URL = `file:${path.join(dir, "test.db")}`;
  execFileSync(path.resolve("node_modules/.bin/prisma"), ["migrate", "deploy"], { stdio: "ignore", env: process.env });
}
