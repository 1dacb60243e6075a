// Each integration test file gets its own fresh, migrated SQLite database.
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const dir = mkdtempSync(path.join(tmpdir(), "jd-course-test-"));
process.env.DATABASE_URL = `file:${path.join(dir, "test.db")}`;
execFileSync(path.resolve("node_modules/.bin/prisma"), ["migrate", "deploy"], {
  stdio: "ignore",
  env: process.env,
});
