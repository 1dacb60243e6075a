// The JavaScript a phone downloads to open the learner's pages, beside the framework floor (a bare
// Next.js page built from the same node_modules, floor.ts): every <script src> in the
// server-rendered HTML, gzip-compressed as a server would send it.
import { gzipSync } from "node:zlib";
import { BASE } from "./env";
import { LEARNER_PAGES, LESSON_PATH } from "./pages";
import { requireFloor, type Bench } from "./types";

/** How far above the floor the lesson may be (issue 15). */
const GOAL_ABOVE_FLOOR_KB = 10;

export type PageScripts = { scripts: { src: string; raw: number; gzip: number }[]; raw: number; gzip: number };

/** The scripts a browser downloads for this HTML; noModule scripts are polyfills modern browsers skip. */
export function scriptSources(html: string): string[] {
  const sources = [...html.matchAll(/<script([^>]*)\ssrc="([^"]+)"([^>]*)>/g)]
    .filter((m) => !/nomodule/i.test(m[1] + m[3]))
    .map((m) => m[2]);
  return [...new Set(sources)];
}

export async function pageScripts(base: string, pagePath: string, cookie?: string): Promise<PageScripts> {
  const response = await fetch(new URL(pagePath, base), { headers: cookie ? { cookie } : {} });
  if (!response.ok) throw new Error(`${base}${pagePath}: HTTP ${response.status}`);
  const scripts = [];
  for (const src of scriptSources(await response.text())) {
    const body = Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer());
    scripts.push({ src, raw: body.length, gzip: gzipSync(body, { level: 9 }).length });
  }
  return {
    scripts,
    raw: scripts.reduce((sum, s) => sum + s.raw, 0),
    gzip: scripts.reduce((sum, s) => sum + s.gzip, 0),
  };
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);
/** "+5.7" / "−1.2" KB */
export const signedKb = (bytes: number) => `${bytes < 0 ? "−" : "+"}${Math.abs(bytes / 1024).toFixed(1)}`;

function scriptTable(js: PageScripts): string[] {
  return [
    `| script | raw KB | gzip KB |`,
    `| --- | ---: | ---: |`,
    ...js.scripts.map((s) => `| \`${s.src}\` | ${kb(s.raw)} | ${kb(s.gzip)} |`),
    `| **total** | **${kb(js.raw)}** | **${kb(js.gzip)}** |`,
  ];
}

export async function firstLoadJs(bench: Bench): Promise<string> {
  const floor = requireFloor(bench);
  const floorJs = await pageScripts(floor.base, "/");
  const pages = [];
  for (const page of LEARNER_PAGES) pages.push({ ...page, js: await pageScripts(BASE, page.path, bench.learnerCookie) });
  const lesson = pages.find((p) => p.path === LESSON_PATH)!;
  const lessonAbove = lesson.js.gzip - floorJs.gzip;
  const met = lessonAbove <= GOAL_ABOVE_FLOOR_KB * 1024;
  bench.goals.add({
    figure: "lesson first-load JS vs bare Next page (gzip)",
    measured: `${signedKb(lessonAbove)} KB (${kb(lesson.js.gzip)} vs ${kb(floorJs.gzip)})`,
    goal: `≤ +${GOAL_ABOVE_FLOOR_KB} KB`,
    met,
  });
  return [
    `### First-load JS against the framework floor`,
    ``,
    `The floor is a bare Next.js App Router page (a layout, a heading, one client component holding a \`useState\` counter)`,
    `built by \`scripts/bench/floor.ts\` from this project's own \`node_modules\` in a temporary folder (Next.js ${floor.nextBuild},`,
    `\`next build\` with the same defaults as ours, ${floor.buildSeconds.toFixed(0)} s) and served by \`next start\`. Sizes are the scripts`,
    `referenced by each page's HTML (noModule polyfills excluded), gzip level 9; our pages as the signed-in demo learner.`,
    ``,
    `| page | URL | scripts | raw KB | gzip KB | gzip vs floor KB |`,
    `| --- | --- | ---: | ---: | ---: | ---: |`,
    `| floor: bare Next.js page | \`${floor.base}/\` | ${floorJs.scripts.length} | ${kb(floorJs.raw)} | ${kb(floorJs.gzip)} | – |`,
    ...pages.map(
      (p) => `| ${p.label} | \`${p.path}\` | ${p.js.scripts.length} | ${kb(p.js.raw)} | ${kb(p.js.gzip)} | ${signedKb(p.js.gzip - floorJs.gzip)} |`,
    ),
    ``,
    `Goal: the lesson at most ${GOAL_ABOVE_FLOOR_KB} KB gzip above the floor: ${met ? "met" : "**missed**"} (${signedKb(lessonAbove)} KB).`,
    ``,
    `Scripts of the lesson page:`,
    ``,
    ...scriptTable(lesson.js),
    ``,
    `Scripts of the floor:`,
    ``,
    ...scriptTable(floorJs),
  ].join("\n");
}
