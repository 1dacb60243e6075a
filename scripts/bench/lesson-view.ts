// A whole lesson view against the static file: what one learner opening a lesson costs the server,
// the prerendered page and the state request its script sends after load (decision 011), driven
// as lesson-vs-static.ts drives the page (autocannon, page-and-state views and the static file in
// alternation, median round), the connections being tabs of one browser that keeps the cookies the
// server sets (the session-cache cookie a state request renews, decision 010).
import autocannon from "autocannon";
import { writeFileSync } from "node:fs";
import { BASE } from "./env";
import { FLOOR_PAGE_PATH, FLOOR_STATE_PATH, FLOOR_STATIC_PATH, type Floor } from "./floor";
import { ratio as ratioText } from "./goals";
import { LESSON_PATH } from "./pages";
import { CookieJar } from "./http";
import { copyLessonToStatic, run as runUrl, STATE_PATH, STATIC_PATH, type Run } from "./lesson-vs-static";
import { ms } from "./stats";
import { requireFloor, type Bench } from "./types";

const CONNECTIONS = 10;
const SECONDS = 10;
const WARM_UP_SECONDS = 3;
const ROUNDS = 3;
const GOAL = 0.5;

type Site = { base: string; page: string; state: string };
const OURS: Site = { base: BASE, page: LESSON_PATH, state: STATE_PATH };

/** Views/s: each connection asks for the page, then its state, then the page again, … */
async function runViews(site: Site, cookie: string, seconds: number): Promise<Run & { views: number; withCacheCookie: number }> {
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
      if (path === site.state) {
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
    url: site.base,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [request(site.page, "text/html"), request(site.state, "*/*")],
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

/** The bare page's HTML as the floor's static file, checked as served. */
async function copyFloorPageToStatic(floor: Floor) {
  const html = await (await fetch(new URL(FLOOR_PAGE_PATH, floor.base))).text();
  writeFileSync(floor.staticFile, html);
  const served = await (await fetch(new URL(FLOOR_STATIC_PATH, floor.base))).text();
  if (served !== html) throw new Error(`the floor's ${FLOOR_STATIC_PATH} does not serve the page just written`);
}

type Round = { view: Awaited<ReturnType<typeof runViews>>; file: Run; ratio: number };

/** Views and the same HTML as a static file in alternation; the rounds and the median one. */
async function viewsAgainstFile(site: Site, staticPath: string, cookie: string, rounds: Round[]) {
  const view = await runViews(site, cookie, SECONDS);
  const file = await runUrl(staticPath, cookie, SECONDS, "text/html", site.base);
  rounds.push({ view, file, ratio: view.views / file.rps });
}

const median = (rounds: Round[]) => [...rounds].sort((a, b) => a.ratio - b.ratio)[Math.floor(rounds.length / 2)];

export async function lessonView(bench: Bench): Promise<string> {
  const floor = requireFloor(bench);
  const floorSite: Site = { base: floor.base, page: FLOOR_PAGE_PATH, state: FLOOR_STATE_PATH };
  await copyLessonToStatic(bench.learnerCookie);
  await copyFloorPageToStatic(floor);
  await runViews(OURS, bench.learnerCookie, WARM_UP_SECONDS);
  await runUrl(STATIC_PATH, bench.learnerCookie, WARM_UP_SECONDS);
  await runViews(floorSite, bench.learnerCookie, WARM_UP_SECONDS);
  await runUrl(FLOOR_STATIC_PATH, bench.learnerCookie, WARM_UP_SECONDS, "text/html", floor.base);
  const rounds: Round[] = [];
  const floorRounds: Round[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    await viewsAgainstFile(OURS, STATIC_PATH, bench.learnerCookie, rounds);
    await viewsAgainstFile(floorSite, FLOOR_STATIC_PATH, bench.learnerCookie, floorRounds);
  }
  const { view, file, ratio } = median(rounds);
  const bare = median(floorRounds);
  bench.goals.add({
    figure: "whole lesson view vs static file (floor: bare page + bare route handler)",
    measured: `${ratioText(view.views, file.rps)} (floor ${ratioText(bare.view.views, bare.file.rps)})`,
    goal: `≥ ${GOAL}`,
    met: ratio >= GOAL,
  });
  const row = (label: string, r: Round["view"] | Run, views?: number) =>
    `| ${label} | ${views === undefined ? "" : views.toFixed(1)} | ${r.rps.toFixed(1)} | ${ms(r.p50)} | ${ms(r.p99)} | ${r.total} | ${r.failed} |`;
  const roundText = (list: Round[]) => list.map((r) => `${r.view.views.toFixed(0)} / ${r.file.rps.toFixed(0)} = ${r.ratio.toFixed(2)}`).join("; ");
  return [
    `### A whole lesson view (page + state request) vs the static file, beside the framework floor`,
    ``,
    `autocannon, ${CONNECTIONS} connections, ${SECONDS} s each after a ${WARM_UP_SECONDS} s warm-up; in each of ${ROUNDS} rounds our views, our`,
    `static file, the floor's views, the floor's static file (the table shows the median round of each). A view is what a browser`,
    `opening a lesson asks for: \`${LESSON_PATH}\`, then \`${STATE_PATH}\`; each connection does one after the other, the`,
    `connections sharing one cookie jar that keeps what the server sets, as tabs of one browser do (${(view.withCacheCookie * 100).toFixed(0)} % of its`,
    `state requests carried the session-cache cookie the previous one renewed). The floor's view is the bare Next.js page (see`,
    `"framework floor") and \`${FLOOR_STATE_PATH}\`, a dynamic route handler answering a little JSON, with its page's HTML as its`,
    `static file, served by one \`next start\` process (ours: ${"`"}npm start${"`"}, one worker per core, so compare the ratios, not the rates).`,
    ``,
    `| what | views/s | req/s | p50 ms | p99 ms | requests | errors + non-2xx |`,
    `| --- | ---: | ---: | ---: | ---: | ---: | ---: |`,
    row("lesson view: page + state request", view, view.views),
    row("same HTML, static file", file),
    row("floor view: bare page + bare route handler", bare.view, bare.view.views),
    row("floor page's HTML, static file", bare.file),
    ``,
    `Rounds (views/s / static req/s), ours: ${roundText(rounds)}; floor: ${roundText(floorRounds)}.`,
    ``,
    `Ratio whole views / static file: **${ratio.toFixed(2)}**, floor ${bare.ratio.toFixed(2)} (goal ≥ ${GOAL}: ${ratio >= GOAL ? "met" : "**missed**"}).`,
  ].join("\n");
}
