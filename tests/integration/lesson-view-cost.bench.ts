// The cost of a lesson view's state request in-process: GET /api/me?lesson=… as the route
// answers it, with the session-cache cookie (decision 010) and without it (the session read from
// the database). Prints CPU time and SQL statements per request. Outside production the course is
// read from disk on every request (lib/content/load.ts), so the CPU figure is the comparison
// between the two, not a production cost. Not part of `npm test` or `npm run bench`:
//   npx vitest bench --run --project integration tests/integration/lesson-view-cost.bench.ts
import { NextRequest } from "next/server";
import { afterAll, bench, describe } from "vitest";
import { createDbClient } from "@/lib/db-client";

// The app's one client (lib/db.ts takes globalThis.prisma outside production), with every SQL
// statement counted.
const statements: string[] = [];
(globalThis as { prisma?: unknown }).prisma = createDbClient(undefined, { onStatement: (sql) => statements.push(sql) });

const { GET } = await import("@/app/api/me/route");
const { loadCourse } = await import("@/lib/content/load");
const { markLessonComplete } = await import("@/lib/progress/queries");
const { signUpInBrowser } = await import("./support/browser-session");

const [mod] = loadCourse().modules;
const learner = await signUpInBrowser("view-cost");
for (const lesson of mod.lessons.slice(0, 2)) await markLessonComplete(learner.id, lesson.key, mod.slug);
const withCache = learner.cookie;
const withoutCache = learner.cookie.split("; ").filter((c) => !c.includes("session_data=")).join("; ");
const url = `http://localhost:3000/api/me?lesson=${encodeURIComponent(mod.lessons[0].key)}`;

const cpu: Record<string, { us: number; n: number; statements: number }> = {};
async function timed(which: string, cookie: string) {
  const counted = statements.length;
  const start = process.cpuUsage();
  const response = await GET(new NextRequest(url, { headers: { cookie } }));
  await response.text();
  const used = process.cpuUsage(start);
  if (response.status !== 200) throw new Error(`HTTP ${response.status}`);
  const entry = (cpu[which] ??= { us: 0, n: 0, statements: 0 });
  entry.us += used.user + used.system;
  entry.n += 1;
  entry.statements += statements.length - counted;
}

const options = { iterations: 1000, warmupIterations: 100, time: 0 };
describe("GET /api/me?lesson=…", () => {
  bench("with the session-cache cookie", () => timed("cache cookie", withCache), options);
  bench("session cookie only (session read from the database)", () => timed("no cache cookie", withoutCache), options);
});

afterAll(() => {
  for (const [which, { us, n, statements: s }] of Object.entries(cpu))
    console.log(`${which}: ${(us / n / 1000).toFixed(2)} ms CPU per request, ${(s / n).toFixed(1)} SQL statements per request (${n} requests, warm-up included)`);
});
