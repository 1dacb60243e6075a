// Another empty, migrated database besides the test file's own: a new installation.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { runPrefix, templateDatabase } from "../../setup/global-postgres";
import { recreateDatabase } from "../../../scripts/db/postgres-admin";

export async function freshDatabaseUrl(): Promise<string> {
  const server = process.env.TEST_POSTGRES_URL;
  if (server) return recreateDatabase(server, `${runPrefix()}${randomBytes(6).toString("hex")}`, templateDatabase());
  const url = `file:${path.join(mkdtempSync(path.join(tmpdir(), "jd-course-install-")), "app.db")}`;
  execFileSync(path.resolve("node_modules/.bin/prisma"), ["migrate", "deploy"], { stdio: "ignore", env: { ...process.env, DATABASE_URL: url } });
  return url;
}
