// Vitest global setup for PostgreSQL runs (TEST_POSTGRES_URL): migrates one template database,
// which each test file then copies (a copy takes milliseconds; migrating takes seconds). Every
// database of a run is named after the run (JD_TEST_RUN, inherited by the test workers) and
// dropped at its end, so two runs on one server (two checkouts, CI beside a laptop) never drop
// each other's databases.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { recreateDatabase, dropDatabases } from "../../scripts/db/postgres-admin";

/** The prefix of this run's databases (set by the global setup before any worker starts). */
export const runPrefix = () => `jd_test_${process.env.JD_TEST_RUN ?? "local"}_`;
export const templateDatabase = () => `${runPrefix()}template`;

export default async function setup() {
  const server = process.env.TEST_POSTGRES_URL;
  if (!server) return;
  process.env.JD_TEST_RUN = randomBytes(4).toString("hex");
  const url = await recreateDatabase(server, templateDatabase());
  execFileSync(path.resolve("node_modules/.bin/prisma"), ["migrate", "deploy"], {
    stdio: "ignore",
    env: { ...process.env, DATABASE_URL: url },
  });
  return () => dropDatabases(server, runPrefix());
}
