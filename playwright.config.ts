import { execSync } from "node:child_process";
import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_FLAGS } from "./scripts/chromium-flags";

// Debian's Chromium (no browser download on these machines); CHROMIUM overrides.
function chromiumPath(): string | undefined {
  if (process.env.CHROMIUM) return process.env.CHROMIUM;
  try {
    return execSync("command -v chromium", { encoding: "utf8" }).trim() || undefined;
  } catch {
    return undefined; // fall back to Playwright's own browser where one is installed
  }
}

const PORT = Number(process.env.E2E_PORT ?? 3100);
// SQLite by default; `npm run test:postgres` sets E2E_DATABASE_URL to a PostgreSQL database.
export const E2E_DATABASE_URL = process.env.E2E_DATABASE_URL || "file:./data/e2e.db";
// The suite signs many users up and in from one address; the limits are raised for every server
// it starts (the counters live in the shared database).
export const E2E_SERVER_ENV = {
  DATABASE_URL: E2E_DATABASE_URL,
  NEXT_TELEMETRY_DISABLED: "1",
  SIGN_IN_LIMIT_PER_MINUTE: "1000",
  SIGN_UP_LIMIT_PER_MINUTE: "1000",
};

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: [["list"]],
  timeout: 60_000,
  // CI runs the suite twice (SQLite, PostgreSQL) on two cores; a slow sign-up is not a failure.
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://localhost:${PORT}`,
    ...devices["Pixel 7"],
    viewport: { width: 375, height: 740 },
    locale: "zh-CN",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromiumPath(),
      args: CHROMIUM_FLAGS,
    },
  },
  projects: [{ name: "mobile-chromium" }],
  webServer: {
    // A fresh database for every run; npm start migrates, seeds, builds if stale and serves.
    command: "npm run db:reset && npm start",
    url: `http://localhost:${PORT}/sign-in`,
    env: { PORT: String(PORT), ...E2E_SERVER_ENV },
    timeout: 900_000, // a build on a loaded shared machine can take minutes
    reuseExistingServer: false,
    stdout: "pipe",
  },
});
