// Lesson completions (POST /api/progress, as the lesson page sends them) from 1,000 signed-in
// learners, each in its own tab (keep-alive connection and cookie jar), arriving at a fixed rate
// (open loop: a slow answer does not slow the arrivals, and latency counts from the moment a
// request was due). Afterwards every acknowledged completion is read back from lesson_progress.
import { loadCourse } from "@/lib/content/load";
import { lessonHref, lessonSequence } from "@/lib/content/navigation";
import type { LessonMeta } from "@/lib/content/schema";
import { db } from "@/lib/db";
import { BASE } from "./env";
import { send, Tab } from "./http";
import { assertSignedIn, BENCH_DOMAIN, createBenchLearners, deleteBenchLearners, type BenchLearner } from "./learners";
import { ms, Samples, sleepUntil, type Summary } from "./stats";
import type { Bench } from "./types";

const LEARNERS = 1000;
const RATE = Number(process.env.BENCH_PROGRESS_RATE ?? 100); // completions per second, all learners together
const SECONDS = 10;
const BASELINE_REQUESTS = 20;
// Untimed learners completing two lessons each before anything is timed: V8 needs a thousand or
// so requests to optimise the route (a cold server's completions cost about twice as much CPU).
const WARM_UP_LEARNERS = 300;
const GOAL_P99_MS = 20;
const FIRST_WRITE_GOAL_MS = 50; // issue 15: one session read, not a queue

// What the page's fetch sends (lib/progress/client.ts), as Chromium sends it.
const HEADERS = { "content-type": "application/json", accept: "*/*", origin: BASE };
// better-auth's session-cache cookie (decision 010): with it, the server skips the session query.
const CACHE_COOKIE = "session_data=";

type Completion = { learner: BenchLearner; tab: Tab; lesson: LessonMeta };

async function complete({ tab, lesson }: Completion, due: number, samples: Samples): Promise<boolean> {
  try {
    const reply = await send(tab, "POST", "/api/progress", HEADERS, JSON.stringify({ lessonKey: lesson.key }));
    samples.add(performance.now() - due);
    const result = parseJson(reply.body) as { ok?: boolean; message?: string } | undefined;
    if (reply.status === 200 && result?.ok === true) return true;
    samples.fail(`HTTP ${reply.status}${result?.message ? ` ${result.message}` : ""}`);
  } catch (error) {
    samples.add(performance.now() - due);
    samples.fail((error as Error).message);
  }
  return false;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

type Acknowledged = { userId: string; lessonKey: string };
type CrowdRun = { samples: Samples; elapsed: number; withCacheCookie: number; acknowledged: Acknowledged[] };

/**
 * RATE completions/s for SECONDS s, evenly spaced, open loop: learner k's completion in run j is
 * lesson k + j, so every lesson is in the mix and a learner never repeats one.
 */
async function crowdRun(crowd: BenchLearner[], tabs: Tab[], lessons: LessonMeta[], run: number): Promise<CrowdRun> {
  const samples = new Samples();
  const acknowledged: Acknowledged[] = [];
  const total = RATE * SECONDS;
  const started = performance.now();
  const inFlight: Promise<void>[] = [];
  let withCacheCookie = 0;
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / RATE;
    await sleepUntil(due);
    const k = i % crowd.length;
    const lesson = lessons[(k + run * Math.ceil(total / crowd.length) + Math.floor(i / crowd.length)) % lessons.length];
    if (tabs[k].cookieHeader().includes(CACHE_COOKIE)) withCacheCookie++;
    inFlight.push(
      complete({ learner: crowd[k], tab: tabs[k], lesson }, due, samples).then((ok) => {
        if (ok) acknowledged.push({ userId: crowd[k].id, lessonKey: lesson.key });
      }),
    );
  }
  await Promise.all(inFlight);
  return { samples, elapsed: (performance.now() - started) / 1000, withCacheCookie, acknowledged };
}

export async function progressWrites(bench: Bench): Promise<string> {
  const lessons = lessonSequence(loadCourse());
  const learners = await createBenchLearners(1 + WARM_UP_LEARNERS + LEARNERS, { cookieName: bench.sessionCookieName });
  try {
    const [soloLearner] = learners;
    const warmUp = learners.slice(1, 1 + WARM_UP_LEARNERS);
    const crowd = learners.slice(1 + WARM_UP_LEARNERS);
    await assertSignedIn(soloLearner);
    const solo = { learner: soloLearner, tab: new Tab(soloLearner.cookie) };
    // A learner opens a lesson before completing it; this also compiles every lesson's MDX once.
    for (const lesson of lessons) await send(solo.tab, "GET", lessonHref(lesson), {});
    for (const [k, learner] of warmUp.entries()) {
      const tab = new Tab(learner.cookie);
      for (const j of [0, 1]) await complete({ learner, tab, lesson: lessons[(k + j) % lessons.length] }, performance.now(), new Samples());
      tab.close();
    }

    // One learner, one request at a time: the server time of a completion without queueing
    // (after a few untimed ones set the learner's cache cookie).
    for (let i = 0; i < 3; i++) await complete({ ...solo, lesson: lessons[i] }, performance.now(), new Samples());
    const baseline = new Samples();
    for (let i = 0; i < BASELINE_REQUESTS; i++) {
      await complete({ ...solo, lesson: lessons[i % lessons.length] }, performance.now(), baseline);
    }
    solo.tab.close();

    // First every learner's first completion: no session-cache cookie yet, as after more than the
    // cache bound (30 s, decision 010) without a request. Then, at once, every learner's next one:
    // the first run's answers set the cookie, as a completion within the bound would find it.
    const tabs = crowd.map((learner) => new Tab(learner.cookie));
    const runs = [await crowdRun(crowd, tabs, lessons, 0), await crowdRun(crowd, tabs, lessons, 1)];
    tabs.forEach((t) => t.close());

    const stored = await db.lessonProgress.findMany({
      where: { user: { email: { endsWith: BENCH_DOMAIN } } },
      select: { userId: true, lessonKey: true },
    });
    const storedKeys = new Set(stored.map((r) => `${r.userId} ${r.lessonKey}`));
    const acknowledged = runs.flatMap((r) => r.acknowledged);
    const lost = acknowledged.filter((a) => !storedKeys.has(`${a.userId} ${a.lessonKey}`)).length;

    const loads = runs.map((r) => r.samples.summary());
    bench.goals.add({
      figure: `first progress write without cache cookie, ${RATE}/s, p99`,
      measured: `${ms(loads[0].p99)} ms`,
      goal: `≤ ${FIRST_WRITE_GOAL_MS} ms`,
      met: loads[0].p99 <= FIRST_WRITE_GOAL_MS && loads[0].errors === 0 && lost === 0,
    });
    const met = loads.every((l) => l.p99 <= GOAL_P99_MS && l.errors === 0) && lost === 0;
    const row = (label: string, s: Summary) => `| ${label} | ${s.count} | ${ms(s.p50)} | ${ms(s.p90)} | ${ms(s.p99)} | ${ms(s.max)} | ${s.errors} |`;
    const crowdLabel = `${LEARNERS.toLocaleString("en-US")} learners, ${RATE}/s`;
    const answered = (r: CrowdRun, s: Summary) =>
      `${s.count} in ${r.elapsed.toFixed(1)} s (${(s.count / r.elapsed).toFixed(0)}/s, ${r.withCacheCookie} sent with a cache cookie)`;
    const errors = runs.map((r) => r.samples.failureText()).filter(Boolean).join("; ");
    return [
      `### Progress writes from ${LEARNERS.toLocaleString("en-US")} learners`,
      ``,
      `\`POST /api/progress\` with \`{"lessonKey":…}\` as JSON, as the lesson page's fetch sends it, each learner in its own`,
      `tab: its own session, keep-alive connection and cookie jar. ${RATE} completions/s for ${SECONDS} s, evenly spaced, learner k's`,
      `j-th completion being lesson k + j; latency from the moment a request was due to the last byte (open loop).`,
      `Every lesson page was opened once first (as learners do; it also compiles each lesson's MDX), ${WARM_UP_LEARNERS} other`,
      `learners completed two lessons each, untimed (the server's JIT warm-up), and three untimed completions gave the lone`,
      `learner a session-cache cookie. The crowd runs twice: each learner's first completion (no session-cache cookie yet,`,
      `as after the 30 s cache bound without a request: the server reads the session from the database and sets the cookie), then at`,
      `once each learner's next one (with the cookie the first run set).`,
      ``,
      `| load | requests | p50 ms | p90 ms | p99 ms | max ms | errors |`,
      `| --- | ---: | ---: | ---: | ---: | ---: | ---: |`,
      row("one learner, one request at a time", baseline.summary()),
      row(`${crowdLabel}, first completion (no cache cookie)`, loads[0]),
      row(`${crowdLabel}, next completion (cache cookie)`, loads[1]),
      ``,
      `Answered ${answered(runs[0], loads[0])}, then ${answered(runs[1], loads[1])}. ` +
        `Read back: ${acknowledged.length - lost} of ${acknowledged.length} acknowledged completions are in lesson_progress` +
        `${lost ? ` (**${lost} lost**)` : ""}.${errors ? ` Errors: ${errors}.` : ""}`,
      `Goal p99 ≤ ${GOAL_P99_MS} ms with 0 errors, in both runs: ${met ? "met" : "**missed**"}.`,
    ].join("\n");
  } finally {
    await deleteBenchLearners();
  }
}
