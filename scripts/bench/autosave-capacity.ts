// Autosave capacity: how many saves per second the server answers with p99 ≤ 1 s and no error.
// 300 learners (fewer with BENCH_EXAM_LEARNERS) with started attempts save at rising rates, open
// loop (latency counts from the moment a save was due, so queueing shows), until the first step
// that misses; the server runs with 1 worker, then again with 2 (restarted between), and the
// static lesson file's rate is taken on each as the yardstick. Every acknowledged answer is read
// back at the end.
import os from "node:os";
import { db } from "@/lib/db";
import { seededRandom } from "@/lib/quiz/random";
import type { AnswerSheet } from "@/lib/assessment/answer-sheet";
import { rampUntilMiss, stepHolds, sustainedRate, type StepResult } from "./capacity-steps";
import { EXAM_LEARNERS } from "./env";
import { AnswerLedger, nextEdits } from "./exam-answers";
import { openAttempt, saveAnswers, startAttempt, type Outcome } from "./exam-client";
import { Tab } from "./http";
import { assertSignedIn, createBenchLearners, deleteBenchLearners, type BenchLearner } from "./learners";
import { copyLessonToStatic, STATIC_PATH, staticFileRate } from "./lesson-vs-static";
import { ms, Samples, sleepUntil } from "./stats";
import type { Bench } from "./types";

const LEARNERS = Math.min(300, EXAM_LEARNERS);
// About 20 % apart above 200/s, so that the capacity (and the 2-vs-1 ratio) is known to within a step that size.
const RATES = [25, 50, 100, 150, 200, 250, 300, 350, 400, 475, 550, 650, 800, 1000]; // saves per second, all learners together
const STEP_SECONDS = 8;
const WORKERS = [1, 2] as const;
const GOAL_P99_MS = 1000;
const GOAL_SHARE_OF_STATIC = 0.5;
const GOAL_WORKER_RATIO = 1.6;
const CONCURRENT_SETUP = 10; // attempts started, or warm-up saves, at once

type Candidate = { learner: BenchLearner; sheet: AnswerSheet; random: () => number };
type Step = StepResult & { count: number; p50: number; max: number; elapsed: number; benchCpu: number; failures: string };
type Config = { workers: number; steps: Step[]; capacity: number | undefined; staticRps: number; loadAverage: number };

/** Runs `work` on every item, `limit` at a time. */
async function inBatches<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += limit) results.push(...(await Promise.all(items.slice(i, i + limit).map((item, j) => work(item, i + j)))));
  return results;
}

async function startAll(learners: BenchLearner[]): Promise<Candidate[]> {
  return inBatches(learners, CONCURRENT_SETUP, async (learner, i) => {
    const tab = new Tab(learner.cookie);
    try {
      const started = await startAttempt(tab);
      if (!started.ok) throw new Error(`开始考核 failed for a capacity learner: ${started.error}`);
      return { learner, sheet: await openAttempt(started.attemptId), random: seededRandom(`capacity-${i}`) };
    } finally {
      tab.close();
    }
  });
}

/** One save of a learner's next edits through its tab, recorded in the ledger. */
async function saveNext(candidate: Candidate, tab: Tab, ledger: AnswerLedger): Promise<Outcome> {
  const { sheet, random } = candidate;
  const answers = nextEdits(sheet, (itemKey) => ledger.current(sheet.attemptId, itemKey), random);
  const acknowledge = ledger.send(sheet.attemptId, answers);
  const outcome = await saveAnswers(tab, sheet, answers);
  if (outcome.ok) acknowledge();
  return outcome;
}

/** `rate` saves/s for STEP_SECONDS, evenly spaced, learners in turn (continuing from `turn`). */
async function step(rate: number, candidates: Candidate[], tabs: Tab[], ledger: AnswerLedger, turn: { next: number }): Promise<Step> {
  const samples = new Samples();
  const total = rate * STEP_SECONDS;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / rate;
    await sleepUntil(due);
    const k = turn.next++ % candidates.length;
    inFlight.push(
      saveNext(candidates[k], tabs[k], ledger).then((outcome) => {
        samples.add(performance.now() - due);
        if (!outcome.ok) samples.fail(outcome.error);
      }),
    );
  }
  await Promise.all(inFlight);
  const elapsed = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const s = samples.summary();
  return {
    rate,
    count: s.count,
    p50: s.p50,
    p99: s.p99,
    max: s.max,
    errors: s.errors,
    elapsed,
    benchCpu: (cpu.user + cpu.system) / 1000 / (elapsed * 1000),
    failures: samples.failureText(),
  };
}

async function measureWorkers(bench: Bench, workers: number, candidates: Candidate[], ledger: AnswerLedger): Promise<Config> {
  await bench.serve({ workers });
  const loadAverage = os.loadavg()[0];
  const tabs = candidates.map((c) => new Tab(c.learner.cookie));
  try {
    // Untimed: two saves per learner, a few at once, so that every worker has loaded the route,
    // optimised it and cached the answer sheets (decision 025) before a step is timed.
    for (let round = 0; round < 2; round++) await inBatches(candidates, CONCURRENT_SETUP * 2, (c, k) => saveNext(c, tabs[k], ledger));
    const turn = { next: 0 };
    const steps = await rampUntilMiss(RATES, GOAL_P99_MS, (rate) => step(rate, candidates, tabs, ledger, turn));
    const staticRps = (await staticFileRate(bench.learnerCookie)).rps;
    return { workers, steps, capacity: sustainedRate(steps, GOAL_P99_MS), staticRps, loadAverage };
  } finally {
    tabs.forEach((t) => t.close());
  }
}

const rateText = (rate: number | undefined) =>
  rate === undefined ? `below ${RATES[0]}/s` : rate === RATES.at(-1) ? `≥ ${rate}/s (the highest step)` : `${rate}/s`;

export async function autosaveCapacity(bench: Bench): Promise<string> {
  await copyLessonToStatic(bench.learnerCookie);
  const learners = await createBenchLearners(LEARNERS, { cookieName: bench.sessionCookieName, allLessonsDone: true });
  try {
    await assertSignedIn(learners[0]);
    const candidates = await startAll(learners);
    const ledger = new AnswerLedger();
    const configs: Config[] = [];
    for (const workers of WORKERS) configs.push(await measureWorkers(bench, workers, candidates, ledger));

    const stored = await db.assessmentAnswer.findMany({
      where: { attemptId: { in: candidates.map((c) => c.sheet.attemptId) } },
      select: { attemptId: true, itemKey: true, value: true },
    });
    const { checked, lost } = ledger.check(stored.map((a) => ({ ...a, value: JSON.parse(a.value) as unknown })));

    const [one, two] = configs;
    const workerRatio = one.capacity && two.capacity ? two.capacity / one.capacity : undefined;
    const shareOfStatic = two.capacity ? two.capacity / two.staticRps : undefined;
    const reaches = (value: number | undefined, goal: number) => value !== undefined && value >= goal;
    const verdict = (value: number | undefined, goal: number) => (reaches(value, goal) ? "met" : "**missed**");
    bench.goals.add({
      figure: `autosave capacity at p99 ≤ ${GOAL_P99_MS / 1000} s (2 workers), as a share of the static file's req/s`,
      measured: `${shareOfStatic?.toFixed(2) ?? "–"} (${rateText(two.capacity)} vs ${two.staticRps.toFixed(0)} req/s)`,
      goal: `≥ ${GOAL_SHARE_OF_STATIC}`,
      met: reaches(shareOfStatic, GOAL_SHARE_OF_STATIC) && lost === 0,
    });
    bench.goals.add({
      figure: "2 workers vs 1, autosave capacity",
      measured:
        `${workerRatio ? `${workerRatio.toFixed(2)}×` : "–"} (${rateText(two.capacity)} vs ${rateText(one.capacity)}; ` +
        `floor: the static file ${(two.staticRps / one.staticRps).toFixed(2)}×)`,
      goal: `≥ ${GOAL_WORKER_RATIO}×`,
      met: reaches(workerRatio, GOAL_WORKER_RATIO),
    });
    const stepRow = (c: Config, s: Step) =>
      `| ${c.workers} | ${s.rate} | ${s.count} | ${(s.count / s.elapsed).toFixed(0)} | ${ms(s.p50)} | ${ms(s.p99)} | ${ms(s.max)} | ` +
      `${s.errors} | ${Math.round(s.benchCpu * 100)} % | ${stepHolds(s, GOAL_P99_MS) ? "held" : "missed"} |`;
    const failures = configs.flatMap((c) => c.steps.filter((s) => s.failures).map((s) => `${c.workers} worker(s) at ${s.rate}/s: ${s.failures}`));
    return [
      `### Autosave capacity: 1 worker vs 2`,
      ``,
      `${LEARNERS} learners with started attempts autosave (two choice answers and one growing text answer per save, as on exam day) at`,
      `rising rates, ${RATES.join(", ")} saves/s, ${STEP_SECONDS} s each, learners in turn, open loop (latency from the moment a save was due`,
      `to the last byte of its answer), stopping after the first step with p99 > ${GOAL_P99_MS / 1000} s or any error. The capacity is the`,
      `highest rate before that. The server runs with \`WEB_CONCURRENCY=1\`, then is restarted with \`WEB_CONCURRENCY=2\`; on each, two`,
      `untimed saves per learner first (route loaded, answer sheets cached in every worker), and after the steps the static file`,
      `\`${STATIC_PATH}\` (autocannon, 10 connections, 10 s after a 3 s warm-up, as in the lesson measurement). The bench's own`,
      `process (the learners) shares the 2 cores with the server: its CPU share is in the table.`,
      ``,
      `| workers | saves/s due | saves | answered/s | p50 ms | p99 ms | max ms | errors | bench CPU | step |`,
      `| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |`,
      ...configs.flatMap((c) => c.steps.map((s) => stepRow(c, s))),
      ``,
      `| figure | 1 worker | 2 workers | goal |`,
      `| --- | ---: | ---: | --- |`,
      `| autosave capacity (p99 ≤ ${GOAL_P99_MS / 1000} s, 0 errors) | ${rateText(one.capacity)} | ${rateText(two.capacity)} | |`,
      `| static file req/s (the floor of 2 vs 1 on this machine: ${(two.staticRps / one.staticRps).toFixed(2)}×) | ${one.staticRps.toFixed(0)} | ${two.staticRps.toFixed(0)} | |`,
      `| load average when the server was ready | ${one.loadAverage.toFixed(2)} | ${two.loadAverage.toFixed(2)} | |`,
      `| capacity / static file | ${one.capacity ? (one.capacity / one.staticRps).toFixed(2) : "–"} | ` +
        `**${shareOfStatic?.toFixed(2) ?? "–"}** | ≥ ${GOAL_SHARE_OF_STATIC} (2 workers): ${verdict(shareOfStatic, GOAL_SHARE_OF_STATIC)} |`,
      `| 2 workers vs 1, capacity | | **${workerRatio ? `${workerRatio.toFixed(2)}×` : "–"}** | ≥ ${GOAL_WORKER_RATIO}×: ${verdict(workerRatio, GOAL_WORKER_RATIO)} |`,
      ``,
      `Read back: ${checked} acknowledged answers compared with the stored ones, **${lost} lost**.` +
        `${failures.length ? ` Errors: ${failures.join("; ")}.` : ""} The capacity is known to the step (a rate between two steps is not tried)` +
        `${two.capacity === RATES.at(-1) ? "; the highest step held, so the capacity and its ratios are lower bounds" : ""}.`,
    ].join("\n");
  } finally {
    await deleteBenchLearners();
  }
}
