// What decision 036's live-session check costs a learner's request answered from the session-cache
// cookie, in-process: better-auth's cookie read alone (decision 010 before 036), the same plus the
// check (userFromHeaders as every learner page, action and route now asks), and the session read
// from the database (what dropping the cache would cost every request). CPU time per call and SQL
// statements per call. Not part of `npm test` or `npm run bench`:
//   npx vitest bench --run --project integration tests/integration/session-check-cost.bench.ts
import { afterAll, bench, describe } from "vitest";
import { createDbClient } from "@/lib/db-client";

const statements: string[] = [];
(globalThis as { prisma?: unknown }).prisma = createDbClient(undefined, { onStatement: (sql) => statements.push(sql) });

const { auth } = await import("@/lib/auth/auth");
const { userFromHeaders } = await import("@/lib/auth/session");
const { signUpInBrowser } = await import("./support/browser-session");

const learner = await signUpInBrowser("check-cost");
const withCache = new Headers({ cookie: learner.cookie });
const withoutCache = new Headers({ cookie: learner.cookie.split("; ").filter((c) => !c.includes("session_data=")).join("; ") });

const cpu: Record<string, { us: number; n: number; statements: number }> = {};
async function timed(which: string, ask: () => Promise<unknown>) {
  const counted = statements.length;
  const start = process.cpuUsage();
  if (!(await ask())) throw new Error(`${which}: signed out`);
  const used = process.cpuUsage(start);
  const entry = (cpu[which] ??= { us: 0, n: 0, statements: 0 });
  entry.us += used.user + used.system;
  entry.n += 1;
  entry.statements += statements.length - counted;
}

const options = { iterations: 1000, warmupIterations: 100, time: 0 };
describe("a learner's session lookup", () => {
  bench("cache cookie, no check (decision 010)", () => timed("1 cache cookie only", () => auth.api.getSession({ headers: withCache })), options);
  bench("cache cookie + live check (decision 036)", () => timed("2 cache cookie + live check", () => userFromHeaders(withCache)), options);
  bench("no cache cookie: session read from the database", () => timed("3 database read", () => userFromHeaders(withoutCache)), options);
});

afterAll(() => {
  for (const [which, { us, n, statements: s }] of Object.entries(cpu).sort())
    console.log(`${which}: ${(us / n / 1000).toFixed(3)} ms CPU per call, ${(s / n).toFixed(1)} SQL statements per call (${n} calls, warm-up included)`);
});
