// What a session-cache miss costs (decision 010): the same request with the session and cache
// cookies (hit) and with the session cookie only (miss), as the server's own CPU time per request
// read from /proc/<pid>/stat, which a busy shared machine distorts less than latency. Not part of
// `npm run bench`. Against a running production server whose cache outlives a run and whose
// sign-in limit allows one sign-in per run, e.g.
//   SESSION_CACHE_SECONDS=60 SIGN_IN_LIMIT_PER_MINUTE=1000 PORT=3000 npm start
//   PID=$(ss -ltnp | grep -Po ':3000 .*pid=\K\d+') npx tsx scripts/bench/session-cache-cost.ts
// Linux only (/proc). Completes the demo learner's first lesson over and over (idempotent).
import { readFileSync } from "node:fs";
import autocannon from "autocannon";
import { DEMO_ACCOUNTS } from "../demo-accounts";

const BASE = process.env.BASE ?? "http://localhost:3000";
const PID = process.env.PID;
if (!PID) throw new Error("set PID to the next-server process id");
const LESSON = "platform-basics/jd-overview";
const REQUESTS = 2000;
const learner = DEMO_ACCOUNTS.find((a) => a.role === "learner")!;

/** User + system CPU of the server process, in ms (clock ticks of 10 ms). */
function cpuMs(): number {
  const fields = readFileSync(`/proc/${PID}/stat`, "utf8").split(") ")[1].split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

async function signIn(): Promise<string[]> {
  const res = await fetch(`${BASE}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: BASE },
    body: JSON.stringify({ email: learner.email, password: learner.password }),
  });
  if (!res.ok) throw new Error(`sign-in failed: ${res.status}`);
  return res.headers.getSetCookie().map((c) => c.split(";")[0]);
}

async function measure(path: "me" | "progress", hit: boolean, amount: number) {
  const cookie = (await signIn()).filter((c) => hit || !c.includes("session_data=")).join("; ");
  const request =
    path === "me"
      ? { url: `${BASE}/api/me?lesson=${LESSON}` }
      : { url: `${BASE}/api/progress`, method: "POST" as const, body: JSON.stringify({ lessonKey: LESSON }) };
  const before = cpuMs();
  const result = await new Promise<autocannon.Result>((resolve, reject) =>
    autocannon({ ...request, connections: 10, amount, headers: { cookie, "content-type": "application/json" } }, (e, r) => (e ? reject(e) : resolve(r))),
  );
  if (result.non2xx || result.errors) throw new Error(`${path}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return (cpuMs() - before) / amount;
}

for (const path of ["me", "progress"] as const) for (const hit of [true, false]) await measure(path, hit, 500); // warm-up
for (let round = 1; round <= 3; round++) {
  for (const path of ["me", "progress"] as const) {
    const hit = await measure(path, true, REQUESTS);
    const miss = await measure(path, false, REQUESTS);
    console.log(`round ${round} ${path.padEnd(8)} hit ${hit.toFixed(2)} ms CPU, miss ${miss.toFixed(2)} ms CPU, a miss costs ${(miss - hit).toFixed(2)} ms`);
  }
}
