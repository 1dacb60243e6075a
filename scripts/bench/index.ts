// npm run bench: builds if stale, serves on a private port with its own database, measures,
// and prints a Markdown section for BENCHMARKS.md.
import { spawn } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import Database from "better-sqlite3";
import { benchDashboard } from "./dashboard";
import { firstLoadJs } from "./first-load-js";
import { lighthouse } from "./lighthouse";

const PORT = 3300;
const BASE = `http://localhost:${PORT}`;
const env = { ...process.env, PORT: String(PORT), DATABASE_URL: "file:./data/bench.db", NEXT_TELEMETRY_DISABLED: "1" };

async function waitForServer() {
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`${BASE}/sign-in`)).ok) return;
    } catch {
      // still starting
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("server did not start");
}

async function signInCookie(email = "learner@example.com", password = "learner123"): Promise<string> {
  const res = await fetch(`${BASE}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: BASE },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`sign-in failed: ${res.status}`);
  return res.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
}

// The dashboard is measured on the 10,000-learner cohort; seed it once (before the server opens
// the database, since migrations need it to themselves).
function cohortSize(): number {
  try {
    const db = new Database("data/bench.db", { readonly: true });
    const { n } = db.prepare(`SELECT COUNT(*) AS n FROM "user" WHERE email LIKE '%@cohort.example.com'`).get() as { n: number };
    db.close();
    return n;
  } catch {
    return 0;
  }
}
if (cohortSize() < 10_000) {
  console.error("Seeding the 10,000-learner cohort into data/bench.db …");
  execFileSync(path.resolve("node_modules/.bin/tsx"), ["scripts/seed-cohort.ts", "--reset"], { env, stdio: ["ignore", "ignore", "inherit"] });
}
// The demo admin measures the dashboard (idempotent).
execFileSync(path.resolve("node_modules/.bin/tsx"), ["scripts/seed.ts"], { env, stdio: ["ignore", "ignore", "inherit"] });

const server = spawn(path.resolve("node_modules/.bin/tsx"), ["scripts/start.ts"], { env, stdio: ["ignore", "ignore", "inherit"], detached: true });
try {
  await waitForServer();
  const cookie = await signInCookie();
  const lesson = "/modules/platform-basics/users-and-traffic";
  const { scripts, total } = await firstLoadJs(BASE, lesson, cookie);
  const kb = (n: number) => (n / 1024).toFixed(1);
  console.log(`## First-load JS of a lesson page\n`);
  console.log(`Date: ${new Date().toISOString().slice(0, 10)} · machine: ${os.cpus().length} cores, ${kb(os.totalmem() / 1024)} MB RAM, Node ${process.version}`);
  console.log(`Page: \`${lesson}\` (signed-in learner), production build.\n`);
  console.log(`| script | raw KB | gzip KB |\n| --- | ---: | ---: |`);
  for (const s of scripts) console.log(`| \`${s.src}\` | ${kb(s.raw)} | ${kb(s.gzip)} |`);
  console.log(`| **total** | **${kb(total.raw)}** | **${kb(total.gzip)}** |`);
  await lighthouse(BASE, cookie);

  const admin = await signInCookie("admin@example.com", "admin12345");
  const timings = await benchDashboard(BASE, admin);
  console.log(`\n## Admin dashboard on the cohort (${cohortSize()} learners)\n`);
  console.log(`Time to first byte over loopback, 7 runs each (the page renders after its queries finish).\n`);
  console.log(`| view | URL | median ms | max ms | status |\n| --- | --- | ---: | ---: | ---: |`);
  for (const t of timings) console.log(`| ${t.label} | \`${t.path}\` | ${t.median.toFixed(0)} | ${t.max.toFixed(0)} | ${t.status} |`);
} finally {
  process.kill(-server.pid!, "SIGTERM");
}
