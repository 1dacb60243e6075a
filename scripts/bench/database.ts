// The bench database: the 10,000-learner cohort the dashboard is measured on, seeded once and
// before the server starts (the seeder migrates, which on SQLite needs the file to itself), and
// the demo accounts the measurements sign in as. Reads go through lib/db.ts, so they work on
// SQLite and PostgreSQL alike.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { db } from "@/lib/db";
import { childEnv, DATABASE_KIND } from "./env";

const COHORT = 10_000;
const tsx = path.resolve("node_modules/.bin/tsx");

/** Learners of the cohort; 0 when its company (issue 16) is missing, so that an older cohort is seeded again. */
export async function cohortSize(): Promise<number> {
  try {
    if (!(await db.department.count({ where: { id: { startsWith: "cohort-" } } }))) return 0;
    return await db.user.count({ where: { email: { endsWith: "@cohort.example.com" }, role: "learner" } });
  } catch {
    return 0; // no database or no tables yet
  } finally {
    await db.$disconnect();
  }
}

export async function seedCohortIfMissing(log: (line: string) => void) {
  if ((await cohortSize()) >= COHORT) return;
  log(`Seeding the ${COHORT.toLocaleString("en-US")}-learner cohort into the bench database (a minute or two) …`);
  execFileSync(tsx, ["scripts/seed-cohort.ts", "--reset", "--learners", String(COHORT)], { env: childEnv, stdio: ["ignore", "ignore", "inherit"] });
}

/** The demo learner and admin the measurements sign in as (idempotent; run once migrated). */
export function ensureDemoAccounts() {
  execFileSync(tsx, ["scripts/seed.ts"], { env: childEnv, stdio: ["ignore", "ignore", "inherit"] });
}

/** "3.53.2" (SQLite) or "16.4" (PostgreSQL), for the results header. */
export async function databaseVersion(): Promise<string> {
  try {
    if (DATABASE_KIND === "postgresql") {
      const [row] = await db.$queryRawUnsafe<{ v: string }[]>("SELECT current_setting('server_version') AS v");
      return row.v.split(" ")[0];
    }
    const [row] = await db.$queryRawUnsafe<{ v: string }[]>("SELECT sqlite_version() AS v");
    return row.v;
  } finally {
    await db.$disconnect();
  }
}
