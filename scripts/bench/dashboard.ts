// Server time of the admin dashboard on the seeded cohort: time to first byte over loopback of
// each URL, repeated, median and worst reported (the page streams nothing before its queries end).
import { db } from "@/lib/db";
import { BASE } from "./env";
import type { Bench } from "./types";

const RUNS = 7;
const GOAL_MS = 300;

const CASES: [string, string][] = [
  ["first page (default sort: last activity)", "/admin"],
  ["search by name", "/admin?q=learner0042"],
  ["status 通过并获证", "/admin?status=certified"],
  ["score range 75–89.9", "/admin?min=75&max=89.9"],
  ["date range (last activity, 7 days)", "/admin?dateField=activity&from=DATE7&to=TODAY"],
  ["module 8 done", "/admin?module=team-and-growth&moduleState=done"],
  ["sort by final score", "/admin?sort=score&dir=desc"],
  ["page 200", "/admin?page=200"],
];

/** Time to the first byte of the response body, in ms. */
export async function timeToFirstByte(path: string, cookie: string): Promise<{ ms: number; status: number }> {
  const start = performance.now();
  const res = await fetch(new URL(path, BASE), { headers: { cookie } });
  const reader = res.body!.getReader();
  await reader.read();
  const ms = performance.now() - start;
  await reader.cancel();
  return { ms, status: res.status };
}

export async function dashboard(bench: Bench): Promise<string> {
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const learners = await db.user.count({ where: { role: "learner" } });
  const rows: string[] = [];
  let worstMedian = 0;
  for (const [label, raw] of CASES) {
    const path = raw.replace("DATE7", day(-7)).replace("TODAY", day(0));
    const samples: number[] = [];
    let status = 0;
    for (let i = 0; i < RUNS; i++) {
      const t = await timeToFirstByte(path, bench.adminCookie);
      samples.push(t.ms);
      status = t.status;
    }
    samples.sort((a, b) => a - b);
    const median = samples[Math.floor(samples.length / 2)];
    worstMedian = Math.max(worstMedian, median);
    rows.push(`| ${label} | \`${path}\` | ${median.toFixed(0)} | ${samples.at(-1)!.toFixed(0)} | ${status} |`);
  }
  return [
    `### Admin dashboard on the cohort (${learners.toLocaleString("en-US")} learners)`,
    ``,
    `Time to first byte over loopback for the signed-in demo admin, ${RUNS} runs per view, one at a time (the page`,
    `renders after its queries finish, so this is server time plus loopback).`,
    ``,
    `| view | URL | median ms | max ms | status |`,
    `| --- | --- | ---: | ---: | ---: |`,
    ...rows,
    ``,
    `Goal < ${GOAL_MS} ms server time: ${worstMedian < GOAL_MS ? "met by every view's median" : `**missed** (slowest median ${worstMedian.toFixed(0)} ms)`}.`,
  ].join("\n");
}
