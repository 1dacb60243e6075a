// A signed-in learner's lesson page against the same HTML as a static file from the same server,
// with autocannon: fixed connections, fixed duration, the headers a browser sends.
//
// The static copy is public/bench/lesson.html. `next start` lists public/ once when it starts
// (files added later are 404) but reads a listed file from disk on every request, so index.ts
// writes a placeholder before the server starts and this measurement overwrites it with the
// page just rendered, then checks that the server returns exactly those bytes.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import { BASE } from "./env";
import { LESSON_PATH } from "./pages";
import { ms } from "./stats";
import type { Bench } from "./types";

export const STATIC_PATH = "/bench/lesson.html";
/** The per-learner part of a lesson view: the page is the same HTML for all (decision 011). */
export const STATE_PATH = `/api/me?lesson=${encodeURIComponent(LESSON_PATH.replace("/modules/", ""))}`;
const STATIC_FILE = path.resolve("public/bench/lesson.html");
const CONNECTIONS = 10;
const SECONDS = 10;
const WARM_UP_SECONDS = 3;
// Ten seconds of either URL swings by ±20 % on this 2-core machine (GC, JIT, the neighbours), so
// the two are measured in alternation, three rounds, and the median round's ratio is the result.
const ROUNDS = 3;
const GOAL = 0.67;

/** Called before the server starts, so that next start lists the file. */
export function writeStaticPlaceholder() {
  mkdirSync(path.dirname(STATIC_FILE), { recursive: true });
  writeFileSync(STATIC_FILE, "<!doctype html><title>bench placeholder</title>\n");
}

/** Writes the lesson page as the learner gets it into the static file; its size in bytes. */
export async function copyLessonToStatic(cookie: string) {
  const html = await (await fetch(new URL(LESSON_PATH, BASE), { headers: { cookie } })).text();
  writeFileSync(STATIC_FILE, html);
  const served = await (await fetch(new URL(STATIC_PATH, BASE))).text();
  if (served !== html) throw new Error(`${STATIC_PATH} does not serve the lesson just written (was public/bench/lesson.html there when the server started?)`);
  return Buffer.byteLength(html);
}

export async function run(urlPath: string, cookie: string, seconds: number, accept = "text/html", base = BASE) {
  const result = await autocannon({
    url: new URL(urlPath, base).href,
    connections: CONNECTIONS,
    duration: seconds,
    headers: { cookie, "accept-encoding": "gzip, deflate, br", accept },
  });
  const failed = result.errors + result.non2xx;
  if (failed > 0 && seconds === SECONDS) console.error(`  ${urlPath}: ${result.errors} errors, ${result.non2xx} non-2xx responses`);
  return { rps: result.requests.total / result.duration, p50: result.latency.p50, p99: result.latency.p99, failed, total: result.requests.total };
}

export type Run = Awaited<ReturnType<typeof run>>;

/** The static file's rate as this measurement takes it (after a warm-up): the yardstick of others. */
export async function staticFileRate(cookie: string): Promise<Run> {
  await run(STATIC_PATH, cookie, WARM_UP_SECONDS);
  return run(STATIC_PATH, cookie, SECONDS);
}

export async function lessonVsStatic(bench: Bench): Promise<string> {
  const bytes = await copyLessonToStatic(bench.learnerCookie);
  await run(LESSON_PATH, bench.learnerCookie, WARM_UP_SECONDS);
  await run(STATIC_PATH, bench.learnerCookie, WARM_UP_SECONDS);
  const rounds: { page: Run; file: Run; ratio: number }[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const page = await run(LESSON_PATH, bench.learnerCookie, SECONDS);
    const file = await run(STATIC_PATH, bench.learnerCookie, SECONDS);
    rounds.push({ page, file, ratio: page.rps / file.rps });
  }
  const { page, file, ratio } = [...rounds].sort((a, b) => a.ratio - b.ratio)[Math.floor(ROUNDS / 2)];
  await run(STATE_PATH, bench.learnerCookie, WARM_UP_SECONDS, "*/*");
  const state = await run(STATE_PATH, bench.learnerCookie, SECONDS, "*/*");
  // A full page load costs the server one page and one state request.
  const view = 1 / (1 / page.rps + 1 / state.rps);
  const row = (label: string, url: string, r: typeof page) =>
    `| ${label} | \`${url}\` | ${r.rps.toFixed(1)} | ${ms(r.p50)} | ${ms(r.p99)} | ${r.total} | ${r.failed} |`;
  return [
    `### Lesson page vs the same HTML as a static file`,
    ``,
    `autocannon, ${CONNECTIONS} connections, ${SECONDS} s each after a ${WARM_UP_SECONDS} s warm-up, page and file in alternation for ${ROUNDS} rounds`,
    `(the table shows the median round; every round's ratio is below), the demo learner's cookie and`,
    `\`accept-encoding: gzip, deflate, br\` on both; the page is ${(bytes / 1024).toFixed(1)} KB of HTML before compression.`,
    ``,
    `| what | URL | req/s | p50 ms | p99 ms | requests | errors + non-2xx |`,
    `| --- | --- | ---: | ---: | ---: | ---: | ---: |`,
    row("lesson page (signed-in learner)", LESSON_PATH, page),
    row("same HTML, static file", STATIC_PATH, file),
    row("the learner's state, read by the page after load", STATE_PATH, state),
    ``,
    `Rounds (lesson / static req/s): ${rounds.map((r) => `${r.page.rps.toFixed(0)} / ${r.file.rps.toFixed(0)} = ${r.ratio.toFixed(2)}`).join("; ")}.`,
    ``,
    `Ratio lesson / static: **${ratio.toFixed(2)}** of the static requests/s (goal ≥ ${GOAL}: ${ratio >= GOAL ? "met" : "**missed**"}); ` +
      `p99 ${ms(page.p99)} ms vs ${ms(file.p99)} ms.`,
    ``,
    `The page is prerendered, the same HTML for every learner; what is the learner's own (header, 本模块进度, completion) is the`,
    `state request. A full load of a lesson is both: at most ${view.toFixed(1)} views/s if the server did nothing else, ` +
      `${(view / file.rps).toFixed(2)} of the static file's rate. A client-side navigation between lessons fetches the`,
    `prerendered RSC payload instead of the HTML, plus the same state request.`,
  ].join("\n");
}
