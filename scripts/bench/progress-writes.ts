// Lesson completions (the completeLesson server action) from 1,000 signed-in learners, each on its
// own keep-alive connection, arriving at a fixed rate (open loop: a slow answer does not slow the
// arrivals, and latency counts from the moment a request was due). Afterwards every acknowledged
// completion is read back from lesson_progress.
import type http from "node:http";
import { loadCourse } from "@/lib/content/load";
import { lessonHref, lessonSequence } from "@/lib/content/navigation";
import type { LessonMeta } from "@/lib/content/schema";
import { db } from "@/lib/db";
import { actionHeaders, actionId, actionResult } from "./actions";
import { learnerAgent, send } from "./http";
import { assertSignedIn, BENCH_DOMAIN, createBenchLearners, deleteBenchLearners, type BenchLearner } from "./learners";
import { ms, Samples, sleepUntil, type Summary } from "./stats";
import type { Bench } from "./types";

const LEARNERS = 1000;
const RATE = Number(process.env.BENCH_PROGRESS_RATE ?? 100); // completions per second, all learners together
const SECONDS = 10;
const BASELINE_REQUESTS = 20;
const GOAL_P99_MS = 20;

type Completion = { learner: BenchLearner; agent: http.Agent; lesson: LessonMeta };

async function complete(id: string, { learner, agent, lesson }: Completion, due: number, samples: Samples): Promise<boolean> {
  const segments: [string, [string, string], [string, string]] = ["modules", ["moduleSlug", lesson.moduleSlug], ["lessonSlug", lesson.slug]];
  try {
    const reply = await send(agent, "POST", lessonHref(lesson), actionHeaders(id, segments, learner.cookie), JSON.stringify([{ lessonKey: lesson.key }]));
    samples.add(performance.now() - due);
    const result = actionResult(reply.body) as { ok?: boolean; message?: string } | undefined;
    if (reply.status === 200 && result?.ok === true) return true;
    samples.fail(result?.message ?? `HTTP ${reply.status}`);
  } catch (error) {
    samples.add(performance.now() - due);
    samples.fail((error as Error).message);
  }
  return false;
}

export async function progressWrites(bench: Bench): Promise<string> {
  const id = actionId("lib/progress/actions.ts", "completeLesson");
  const lessons = lessonSequence(loadCourse());
  const learners = await createBenchLearners(LEARNERS + 1, { cookieName: bench.sessionCookieName });
  try {
    const [soloLearner, ...crowd] = learners;
    await assertSignedIn(soloLearner);
    const solo = { learner: soloLearner, agent: learnerAgent() };
    // A learner opens a lesson before completing it; this also compiles every lesson's MDX once.
    for (const lesson of lessons) await send(solo.agent, "GET", lessonHref(lesson), { cookie: soloLearner.cookie });

    // One learner, one request at a time: the server time of a completion without queueing
    // (after a few untimed ones load the action's code).
    for (let i = 0; i < 3; i++) await complete(id, { ...solo, lesson: lessons[i] }, performance.now(), new Samples());
    const baseline = new Samples();
    for (let i = 0; i < BASELINE_REQUESTS; i++) {
      await complete(id, { ...solo, lesson: lessons[i % lessons.length] }, performance.now(), baseline);
    }

    const agents = crowd.map(() => learnerAgent());
    const samples = new Samples();
    const acknowledged: { userId: string; lessonKey: string }[] = [];
    const total = RATE * SECONDS;
    const started = performance.now();
    const inFlight: Promise<void>[] = [];
    for (let i = 0; i < total; i++) {
      const due = started + (i * 1000) / RATE;
      await sleepUntil(due);
      // Learner k's j-th completion is lesson k + j: every lesson page is in the mix.
      const k = i % crowd.length;
      const lesson = lessons[(k + Math.floor(i / crowd.length)) % lessons.length];
      const completion = { learner: crowd[k], agent: agents[k], lesson };
      inFlight.push(
        complete(id, completion, due, samples).then((ok) => {
          if (ok) acknowledged.push({ userId: crowd[k].id, lessonKey: lesson.key });
        }),
      );
    }
    await Promise.all(inFlight);
    const elapsed = (performance.now() - started) / 1000;
    agents.forEach((a) => a.destroy());
    solo.agent.destroy();

    const stored = await db.lessonProgress.findMany({
      where: { user: { email: { endsWith: BENCH_DOMAIN } } },
      select: { userId: true, lessonKey: true },
    });
    const storedKeys = new Set(stored.map((r) => `${r.userId} ${r.lessonKey}`));
    const lost = acknowledged.filter((a) => !storedKeys.has(`${a.userId} ${a.lessonKey}`)).length;

    const load = samples.summary();
    const met = load.p99 <= GOAL_P99_MS && load.errors === 0 && lost === 0;
    const row = (label: string, s: Summary) => `| ${label} | ${s.count} | ${ms(s.p50)} | ${ms(s.p90)} | ${ms(s.p99)} | ${ms(s.max)} | ${s.errors} |`;
    return [
      `### Progress writes from ${LEARNERS.toLocaleString("en-US")} learners`,
      ``,
      `The completeLesson server action posted as the browser posts it (\`Next-Action\`, router state tree, \`[{"lessonKey":…}]\`),`,
      `each learner with its own session and keep-alive connection. ${RATE} completions/s for ${SECONDS} s, evenly spaced, learner`,
      `k's j-th completion being lesson k + j; latency from the moment a request was due to the last byte (open loop).`,
      `Every lesson page was opened once first (as learners do; it also compiles each lesson's MDX), and three untimed`,
      `completions loaded the action's code.`,
      ``,
      `| load | requests | p50 ms | p90 ms | p99 ms | max ms | errors |`,
      `| --- | ---: | ---: | ---: | ---: | ---: | ---: |`,
      row("one learner, one request at a time", baseline.summary()),
      row(`${LEARNERS.toLocaleString("en-US")} learners, ${RATE}/s`, load),
      ``,
      `Answered ${load.count} in ${elapsed.toFixed(1)} s (${(load.count / elapsed).toFixed(0)}/s). ` +
        `Read back: ${acknowledged.length - lost} of ${acknowledged.length} acknowledged completions are in lesson_progress` +
        `${lost ? ` (**${lost} lost**)` : ""}.${load.errors ? ` Errors: ${samples.failureText()}.` : ""}`,
      `Goal p99 ≤ ${GOAL_P99_MS} ms with 0 errors: ${met ? "met" : "**missed**"}.`,
    ].join("\n");
  } finally {
    await deleteBenchLearners();
  }
}
