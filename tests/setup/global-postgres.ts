// Vitest global setup for PostgreSQL runs (TEST_POSTGRES_URL): clears the test databases of
// earlier runs and migrates one template database, which each test file then copies (a copy
// takes milliseconds; migrating takes seconds).
import { execFileSync } from "node:child_process";
import path from "node:path";
import { recreateDatabase, dropDatabases } from "../../scripts/db/postgres-admin";

export const TEMPLATE_DATABASE = "jd_test_template";

export default async function setup() {
  const server = process.env.TEST_POSTGRES_URL;
  if (!server) return;
  await dropDatabases(server, "jd_test_");
  const url = await recreateDatabase(server, TEMPLATE_DATABASE);
  execFileSync(path.resolve("node_modules/.bin/prisma"), ["migrate", "deploy"], {
    stdio: "ignore",
    env: { ...process.env, DATABASE_URL: url },
  });
}
