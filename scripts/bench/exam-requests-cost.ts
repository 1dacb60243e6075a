// Decision 026's measurement: the cost of one autosave through the server action against the
// route handler, and of 开始考核 through the action (which renders the attempt page into its own
// response) against the route (the attempt id only; the page is then fetched as the client router
// does). Over HTTP against the production build, one server process (WEB_CONCURRENCY=1), on the
// bench database. Server CPU is read from /proc for blocks of requests (the clock tick is 10 ms),
// the variants alternate block by block, so the machine's other load falls on both alike.
//   BENCH_PORT=3690 npx tsx scripts/bench/exam-requests-cost.ts
import "./use-bench-database"; // first, before anything imports lib/db.ts
import { readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import { computeCacheBustingSearchParam } from "next/dist/shared/lib/router/utils/cache-busting-search-param.js";
import { answerSlots, type Paper } from "@/lib/assessment/paper";
import { attemptTokens } from "@/lib/assessment/rules";
import type { AnswerValue } from "@/lib/assessment/schema";
import { db } from "@/lib/db";
import { actionHeaders, actionId, actionResult, routerStateTree, type Segment } from "./actions";
import { ensureDemoAccounts } from "./database";
import { BASE, childEnv, PORT } from "./env";
import { send, Tab } from "./http";
import { createBenchLearners, deleteBenchLearners, sessionCookieName, signIn, type BenchLearner } from "./learners";
import { startServer } from "./server";
import { ms, Samples } from "./stats";

const SAVE_LEARNERS = 20;
const SAVE_BLOCK = 40; // sequential saves per block
const SAVE_BLOCKS = 5; // per variant
const CROWD_TABS = 20;
const CROWD_SECONDS = 8;
const CROWD_ROUNDS = 2; // per variant
const START_BLOCK = 15;
const START_BLOCKS = 3; // per variant
const PARAGRAPH = "提升转化率需要先看清流量结构，再针对搜索、推荐和活动三类入口分别优化主图、标题与价格带。";

childEnv.WEB_CONCURRENCY = "1";

/** The server process serving PORT (scripts/serve.ts, one process without a cluster). */
function serverPid(): number {
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmd = readFileSync(`/proc/${entry}/cmdline`, "utf8");
      const env = readFileSync(`/proc/${entry}/environ`, "utf8").split("\0");
      if (cmd.includes("scripts/serve.ts") && env.includes(`PORT=${PORT}`)) return Number(entry);
    } catch {
      // gone, or not ours
    }
  }
  throw new Error(`no scripts/serve.ts process with PORT=${PORT}`);
}

/** CPU time (user + system) of the process so far, in ms. */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in 1/100 s
}

type Variant = "action" | "route";
type Open = { learner: BenchLearner; attemptId: string; slots: ReturnType<typeof answerSlots>; tokens: ReturnType<typeof attemptTokens>; text: string; tabs: Record<Variant, Tab> };

async function openAttempt(learner: BenchLearner): Promise<Open> {
  const tab = new Tab(learner.cookie);
  const reply = await send(tab, "POST", "/api/assessment/attempts", { "content-type": "application/json", origin: BASE }, "{}");
  const answer = JSON.parse(reply.body) as { ok: boolean; attemptId?: string; message?: string };
  if (!answer.attemptId) throw new Error(`start refused: ${reply.status} ${reply.body}`);
  const row = await db.assessmentAttempt.findUniqueOrThrow({ where: { id: answer.attemptId }, select: { paper: true, seed: true } });
  const paper = JSON.parse(row.paper) as Paper;
  return {
    learner,
    attemptId: answer.attemptId,
    slots: answerSlots(paper),
    tokens: attemptTokens({ id: answer.attemptId, seed: row.seed, paper }),
    text: "",
    tabs: { action: new Tab(learner.cookie), route: tab },
  };
}

/** Two choices and a growing text, named as the page names them (option tokens). */
function edits(open: Open, n: number): { itemKey: string; value: AnswerValue }[] {
  const choices = [...open.slots].filter(([, s]) => s.kind === "choice");
  open.text += PARAGRAPH;
  const answers = [0, 1].map((k) => {
    const [itemKey, slot] = choices[(n * 2 + k) % choices.length];
    const ids = slot.kind === "choice" ? [slot.options[n % slot.options.length]] : [];
    return { itemKey, value: open.tokens.encode(itemKey, ids) as AnswerValue };
  });
  const text = [...open.slots].find(([, s]) => s.kind === "text")![0];
  return [...answers, { itemKey: text, value: open.text }];
}

const saveId = () => actionId("lib/assessment/actions.ts", "saveAssessmentAnswers");

async function saveOnce(open: Open, variant: Variant, n: number, ids: { save: string }): Promise<boolean> {
  const answers = edits(open, n);
  if (variant === "action") {
    const segments: Segment[] = ["assessment", "attempts", ["attemptId", open.attemptId]];
    const reply = await send(open.tabs.action, "POST", `/assessment/attempts/${open.attemptId}`, actionHeaders(ids.save, segments), JSON.stringify([{ attemptId: open.attemptId, answers }]));
    return reply.status === 200 && (actionResult(reply.body) as { ok?: boolean } | undefined)?.ok === true;
  }
  const reply = await send(open.tabs.route, "POST", `/api/assessment/attempts/${open.attemptId}/answers`, { "content-type": "application/json", origin: BASE }, JSON.stringify({ answers }));
  return reply.status === 200 && (JSON.parse(reply.body) as { ok?: boolean }).ok === true;
}

type Tally = { samples: Samples; cpu: number; requests: number; seconds: number };
const tally = (): Tally => ({ samples: new Samples(), cpu: 0, requests: 0, seconds: 0 });

async function timed(samples: Samples, work: () => Promise<boolean>) {
  const sent = performance.now();
  const ok = await work().catch((e: Error) => (samples.fail(e.message), true));
  samples.add(performance.now() - sent);
  if (!ok) samples.fail("refused");
}

/** The attempt page as the client router fetches it after a navigation from /assessment. */
async function attemptPage(tab: Tab, attemptId: string) {
  const tree = decodeURIComponent(routerStateTree(["assessment"]));
  const stateTree = encodeURIComponent(tree);
  const rsc = await computeCacheBustingSearchParam("0", undefined, stateTree, "/assessment");
  const reply = await send(tab, "GET", `/assessment/attempts/${attemptId}?_rsc=${rsc}`, { rsc: "1", "next-router-state-tree": stateTree, "next-url": "/assessment" });
  return rendered(reply, attemptId);
}

/** The attempt page's payload: the player with this attempt's paper (its case study's data). */
function rendered(reply: { status: number; body: string }, attemptId: string): boolean {
  const ok = reply.status === 200 && reply.body.includes(`"attemptId":"${attemptId}"`) && reply.body.includes("serverAnswers");
  if (!ok && !shown++) console.error(`not the attempt page: ${reply.status} ${reply.body.slice(0, 400)}`);
  return ok;
}
let shown = 0;

async function main() {
  const server = await startServer();
  try {
    ensureDemoAccounts();
    const pid = serverPid();
    const cookieName = sessionCookieName(await signIn("learner@example.com", "learner123"));
    const ids = { save: saveId(), start: actionId("lib/assessment/actions.ts", "startAssessment") };
    const learners = await createBenchLearners(SAVE_LEARNERS + 3 * START_BLOCK * START_BLOCKS + 4, { cookieName, allLessonsDone: true });
    const opens = await Promise.all(learners.slice(0, SAVE_LEARNERS).map(openAttempt));
    const starters = learners.slice(SAVE_LEARNERS, -4);
    const warmUps = learners.slice(-4);
    const result: string[] = [];

    // ---- autosave, one at a time
    let n = 0;
    for (const variant of ["action", "route"] as const) for (let i = 0; i < 20; i++) await saveOnce(opens[i % SAVE_LEARNERS], variant, n++, ids); // warm-up
    const single: Record<Variant, Tally> = { action: tally(), route: tally() };
    for (let b = 0; b < SAVE_BLOCKS * 2; b++) {
      const variant: Variant = b % 2 === 0 ? "action" : "route";
      const before = cpuMs(pid);
      const began = performance.now();
      for (let i = 0; i < SAVE_BLOCK; i++) await timed(single[variant].samples, () => saveOnce(opens[i % SAVE_LEARNERS], variant, n++, ids));
      single[variant].seconds += (performance.now() - began) / 1000;
      single[variant].cpu += cpuMs(pid) - before;
      single[variant].requests += SAVE_BLOCK;
    }

    // ---- autosave, CROWD_TABS learners saving without pause
    const crowd: Record<Variant, Tally> = { action: tally(), route: tally() };
    for (let r = 0; r < CROWD_ROUNDS * 2; r++) {
      const variant: Variant = r % 2 === 0 ? "action" : "route";
      const before = cpuMs(pid);
      const began = performance.now();
      const until = began + CROWD_SECONDS * 1000;
      let done = 0;
      await Promise.all(
        opens.slice(0, CROWD_TABS).map(async (open) => {
          while (performance.now() < until) {
            await timed(crowd[variant].samples, () => saveOnce(open, variant, n++, ids));
            done++;
          }
        }),
      );
      crowd[variant].seconds += (performance.now() - began) / 1000;
      crowd[variant].cpu += cpuMs(pid) - before;
      crowd[variant].requests += done;
    }

    // ---- 开始考核, fresh learners, one at a time
    const startTally = { action: tally(), route: tally(), routeAndPage: tally(), page: tally(), routeOnly: tally() };
    for (const [i, learner] of warmUps.entries()) {
      const tab = new Tab(learner.cookie);
      if (i % 2) await send(tab, "POST", "/assessment", actionHeaders(ids.start, ["assessment"]), "[]");
      else {
        const reply = await send(tab, "POST", "/api/assessment/attempts", { "content-type": "application/json", origin: BASE }, "{}");
        await attemptPage(tab, (JSON.parse(reply.body) as { attemptId: string }).attemptId);
      }
      tab.close();
    }
    let s = 0;
    for (let b = 0; b < START_BLOCKS * 3; b++) {
      const variant = (["action", "route", "routeOnly"] as const)[b % 3];
      const before = cpuMs(pid);
      const began = performance.now();
      for (let i = 0; i < START_BLOCK; i++) {
        const tab = new Tab(starters[s++].cookie);
        if (variant === "action") {
          await timed(startTally.action.samples, async () => {
            const reply = await send(tab, "POST", "/assessment", actionHeaders(ids.start, ["assessment"]), "[]");
            const attemptId = /\/assessment\/attempts\/([a-z0-9]+)/.exec(String(reply.headers["x-action-redirect"] ?? ""))?.[1] ?? "";
            return rendered(reply, attemptId);
          });
        } else if (variant === "routeOnly") {
          await timed(startTally.routeOnly.samples, async () => {
            const reply = await send(tab, "POST", "/api/assessment/attempts", { "content-type": "application/json", origin: BASE }, "{}");
            return reply.status === 200 && (JSON.parse(reply.body) as { ok?: boolean }).ok === true;
          });
        } else {
          const sent = performance.now();
          let attemptId = "";
          await timed(startTally.route.samples, async () => {
            const reply = await send(tab, "POST", "/api/assessment/attempts", { "content-type": "application/json", origin: BASE }, "{}");
            attemptId = (JSON.parse(reply.body) as { attemptId?: string }).attemptId ?? "";
            return reply.status === 200 && attemptId !== "";
          });
          await timed(startTally.page.samples, () => attemptPage(tab, attemptId));
          startTally.routeAndPage.samples.add(performance.now() - sent);
        }
        tab.close();
      }
      const t = variant === "route" ? startTally.routeAndPage : startTally[variant];
      t.seconds += (performance.now() - began) / 1000;
      t.cpu += cpuMs(pid) - before;
      t.requests += START_BLOCK;
    }

    const line = (label: string, t: Tally, perSecond = false) => {
      const x = t.samples.summary();
      const rate = perSecond ? ` | ${(t.requests / t.seconds).toFixed(0)}/s` : "";
      return `| ${label} | ${x.count} | ${ms(x.p50)} | ${ms(x.p99)} | ${t.requests ? (t.cpu / t.requests).toFixed(1) : "–"}${rate} | ${x.errors} |`;
    };
    result.push(
      `load average before: ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`,
      ``,
      `| autosave, one at a time | saves | p50 ms | p99 ms | server CPU ms per save | errors |`,
      `| --- | ---: | ---: | ---: | ---: | ---: |`,
      line("server action", single.action),
      line("route handler", single.route),
      ``,
      `| autosave, ${CROWD_TABS} learners without pause | saves | p50 ms | p99 ms | server CPU ms per save, saves/s | errors |`,
      `| --- | ---: | ---: | ---: | ---: | ---: |`,
      line("server action", crowd.action, true),
      line("route handler", crowd.route, true),
      ``,
      `| 开始考核, one at a time | starts | p50 ms | p99 ms | server CPU ms per start | errors |`,
      `| --- | ---: | ---: | ---: | ---: | ---: |`,
      line("action, attempt page rendered into its response", startTally.action),
      line("route: the attempt id only", startTally.routeOnly),
      line("route, then the attempt page as the router fetches it", startTally.routeAndPage),
      line("(in the blocks above: the route's start alone)", startTally.route),
      line("(in the blocks above: the page fetch alone)", startTally.page),
    );
    console.log(result.join("\n"));
    for (const open of opens) for (const tab of Object.values(open.tabs)) tab.close();
  } finally {
    await deleteBenchLearners();
    await server.stop();
    await db.$disconnect();
  }
}

await main();
