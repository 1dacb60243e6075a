import type { ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { pressCompleteLesson, signUp } from "./helpers";
import { childPids, connectionOwner, environmentOf, requestOnNewConnection, residentKb, type HeldResponse } from "./processes";
import { startServer } from "./servers";

// npm start with WEB_CONCURRENCY=2 (decision 024): a primary and two workers on one port. Which
// worker served a request is read from /proc (the process holding the server's end of the
// connection), so the server need not say anything about itself.
const PORT = Number(process.env.E2E_PORT ?? 3100) + 150;
const BASE = `http://localhost:${PORT}`;
const CONNECTIONS = 8;
let server: ChildProcess | undefined;

test.skip(process.platform !== "linux", "reads /proc");

test.beforeAll(async () => {
  test.setTimeout(120_000);
  server = await startServer(PORT, { WEB_CONCURRENCY: "2" });
});
test.afterAll(() => {
  server?.kill();
});

const workers = () => childPids(server!.pid!, "scripts/serve.ts");

/** Sends `count` requests, each on a new connection, and says which worker answered each. */
async function spread(count: number, send: () => Promise<HeldResponse>) {
  const answers = await Promise.all(Array.from({ length: count }, send));
  const pids = workers();
  const owners = answers.map((answer) => connectionOwner(pids, PORT, answer.clientPort));
  answers.forEach((answer) => answer.close());
  return { answers, owners: new Set(owners) };
}

test("two worker processes answer requests; the primary does not load Next", async () => {
  const pids = workers();
  expect(pids).toHaveLength(2);
  const { answers, owners } = await spread(CONNECTIONS, () => requestOnNewConnection(PORT, "/sign-in"));
  for (const answer of answers) expect(answer.status).toBe(200);
  expect(owners).toEqual(new Set(pids));
  // A process that loaded Next and React weighs hundreds of MB; the primary only forks.
  for (const pid of pids) expect(residentKb(server!.pid!)).toBeLessThan(residentKb(pid) / 2);
  // The attempt sweep runs in exactly one of them.
  expect(pids.map((pid) => environmentOf(pid, "ATTEMPT_SWEEP")).sort()).toEqual(["off", "on"]);
});

test("a learner's progress written through one worker is read through both", async ({ page }) => {
  await signUp(page); // on the suite's server: cookies are per host, not per port
  await page.goto(`${BASE}/modules/platform-basics/jd-overview`);
  await pressCompleteLesson(page);
  const cookie = (await page.context().cookies(BASE)).map((c) => `${c.name}=${c.value}`).join("; ");

  const { answers, owners } = await spread(CONNECTIONS, () =>
    requestOnNewConnection(PORT, "/api/me?lesson=platform-basics/jd-overview", { headers: { cookie } }),
  );
  expect(owners).toEqual(new Set(workers()));
  for (const answer of answers) {
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text).lesson.completed).toBe(true);
  }
});

test("both workers write to the database at once without refusing anyone", async () => {
  const stamp = Date.now();
  let i = 0;
  const { answers, owners } = await spread(CONNECTIONS, () => {
    const email = `cluster-${stamp}-${i++}@example.com`;
    return requestOnNewConnection(PORT, "/api/auth/sign-up/email", { method: "POST", json: { name: "并发学员", email, password: "password123" } });
  });
  expect(owners).toEqual(new Set(workers()));
  for (const answer of answers) expect(answer.status, answer.text).toBe(200);
});

test("a worker that dies is replaced, and the sweep goes with its role", async () => {
  test.setTimeout(120_000);
  const sweeper = workers().find((pid) => environmentOf(pid, "ATTEMPT_SWEEP") === "on")!;
  process.kill(sweeper, "SIGKILL");
  await expect.poll(() => workers().filter((pid) => pid !== sweeper), { timeout: 90_000 }).toHaveLength(2);
  const pids = workers();
  expect(pids.map((pid) => environmentOf(pid, "ATTEMPT_SWEEP")).sort()).toEqual(["off", "on"]);
  // The replacement counts once it listens: poll until new connections reach both workers.
  await expect
    .poll(async () => (await spread(CONNECTIONS, () => requestOnNewConnection(PORT, "/sign-in"))).owners.size, { timeout: 60_000 })
    .toBe(2);
});

test("SIGTERM stops every worker and the primary exits 0", async () => {
  const pids = workers();
  const exited = new Promise<number | null>((resolve) => server!.once("exit", (code) => resolve(code)));
  server!.kill("SIGTERM");
  expect(await exited).toBe(0);
  for (const pid of pids) expect(existsSync(`/proc/${pid}`)).toBe(false);
  server = undefined;
});
