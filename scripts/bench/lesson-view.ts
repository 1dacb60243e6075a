// A whole lesson view against the static file: what one learner opening a lesson costs the server,
// the prerendered page and the state request its script sends after load (decision 011), driven
// as lesson-vs-static.ts drives the page (autocannon, page-and-state views and the static file in
// alternation, median round), the connections being tabs of one browser that keeps the cookies the
// server sets (the session-cache cookie a state request renews, decision 010).
import autocannon from "autocannon";
import { BASE } from "./env";
import { ratio as ratioText } from "./goals";
import { LESSON_PATH } from "./pages";
import { CookieJar } from "./http";
import { copyLessonToStatic, run as runUrl, STATE_PATH, STATIC_PATH, type Run } from "./lesson-vs-static";
import { ms } from "./stats";
import type { Bench } from "./types";

const CONNECTIONS = 10;
const SECONDS = 10;
const WARM_UP_SECONDS = 3;
const ROUNDS = 3;
const GOAL = 0.5;

/** Views/s: each connection asks for the page, then its state, then the page again, … */
async function runViews(cookie: string, seconds: number): Promise<Run & { views: number; withCacheCookie: number }> {
  let withCacheCookie = 0;
  let stateRequests = 0;
  // One jar for all connections: the learner's tabs in one browser. (autocannon's per-connection
  // context is emptied after every pass through the request list, so it cannot hold a jar.)
  const jar = new CookieJar(cookie);
  const request = (path: string, accept: string) => ({
    method: "GET" as const,
    path,
    setupRequest(req: autocannon.Request) {
      const cookies = jar.cookieHeader();
      if (path === STATE_PATH) {
        stateRequests++;
        if (cookies.includes("session_data=")) withCacheCookie++;
      }
      return { ...req, headers: { ...req.headers, cookie: cookies, "accept-encoding": "gzip, deflate, br", accept } };
    },
    onResponse(_status: number, _body: string, _context: object, headers: autocannon.Request["headers"]) {
      const setCookie = Object.entries(headers ?? {}).find(([name]) => name.toLowerCase() === "set-cookie")?.[1];
      jar.remember(setCookie === undefined ? undefined : [setCookie].flat());
    },
  });
  const result = await autocannon({
    url: BASE,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [request(LESSON_PATH, "text/html"), request(STATE_PATH, "*/*")],
  });
  const failed = result.errors + result.non2xx;
  if (failed > 0 && seconds === SECONDS) console.error(`  lesson views: ${result.errors} errors, ${result.non2xx} non-2xx responses`);
  const rps = result.requests.total / result.duration;
  return {
    rps,
    views: rps / 2,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failed,
    total: result.requests.total,
    withCacheCookie: stateRequests ? withCacheCookie / stateRequests : 0,
  };
}

export async function lessonView(bench: Bench): Promise<string> {
  await copyLessonToStatic(bench.learnerCookie);
  await runViews(bench.learnerCookie, WARM_UP_SECONDS);
  await runUrl(STATIC_PATH, bench.learnerCookie, WARM_UP_SECONDS);
  const rounds: { view: Awaited<ReturnType<typeof runViews>>; file: Run; ratio: number }[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const view = await runViews(bench.learnerCookie, SECONDS);
    const file = await runUrl(STATIC_PATH, bench.learnerCookie, SECONDS);
    rounds.push({ view, file, ratio: view.views / file.rps });
  }
  const { view, file, ratio } = [...rounds].sort((a, b) => a.ratio - b.ratio)[Math.floor(ROUNDS / 2)];
  bench.goals.add({ figure: "whole lesson view vs static file", measured: ratioText(view.views, file.rps), goal: `≥ ${GOAL}`, met: ratio >= GOAL });
  return [
    `### A whole lesson view (page + state request) vs the static file`,
    ``,
    `autocannon, ${CONNECTIONS} connections, ${SECONDS} s each after a ${WARM_UP_SECONDS} s warm-up, views and file in alternation for ${ROUNDS} rounds`,
    `(the table shows the median round). A view is what a browser opening a lesson asks for: \`${LESSON_PATH}\`, then`,
    `\`${STATE_PATH}\`; each connection does one after the other, the connections sharing one cookie jar that keeps what the`,
    `server sets, as tabs of one browser do (${(view.withCacheCookie * 100).toFixed(0)} % of its state requests carried the session-cache cookie the previous one renewed).`,
    ``,
    `| what | views/s | req/s | p50 ms | p99 ms | requests | errors + non-2xx |`,
    `| --- | ---: | ---: | ---: | ---: | ---: | ---: |`,
    `| lesson view: page + state request | ${view.views.toFixed(1)} | ${view.rps.toFixed(1)} | ${ms(view.p50)} | ${ms(view.p99)} | ${view.total} | ${view.failed} |`,
    `| same HTML, static file | | ${file.rps.toFixed(1)} | ${ms(file.p50)} | ${ms(file.p99)} | ${file.total} | ${file.failed} |`,
    ``,
    `Rounds (views/s / static req/s): ${rounds.map((r) => `${r.view.views.toFixed(0)} / ${r.file.rps.toFixed(0)} = ${r.ratio.toFixed(2)}`).join("; ")}.`,
    ``,
    `Ratio whole views / static file: **${ratio.toFixed(2)}** (goal ≥ ${GOAL}: ${ratio >= GOAL ? "met" : "**missed**"}).`,
  ].join("\n");
}
