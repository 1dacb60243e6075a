// Measures the JavaScript a phone downloads to open a lesson page: every <script src> in the
// server-rendered HTML, gzip-compressed as a server would send it.
import { gzipSync } from "node:zlib";
import { BASE } from "./env";
import type { Bench } from "./types";

/** The lesson the page measurements open (key figures, a bar chart, a callout; no calculator). */
export const LESSON_PATH = "/modules/platform-basics/users-and-traffic";
const BUDGET_KB = 100;

export async function firstLoadJs(bench: Bench): Promise<string> {
  const html = await (await fetch(new URL(LESSON_PATH, BASE), { headers: { cookie: bench.learnerCookie } })).text();
  // noModule scripts are polyfills that modern browsers never download.
  const sources = [...html.matchAll(/<script([^>]*)\ssrc="([^"]+)"([^>]*)>/g)]
    .filter((m) => !/nomodule/i.test(m[1] + m[3]))
    .map((m) => m[2]);
  const kb = (n: number) => (n / 1024).toFixed(1);
  const rows: string[] = [];
  let raw = 0;
  let gzip = 0;
  for (const src of new Set(sources)) {
    const body = Buffer.from(await (await fetch(new URL(src, BASE))).arrayBuffer());
    const zipped = gzipSync(body, { level: 9 }).length;
    raw += body.length;
    gzip += zipped;
    rows.push(`| \`${src}\` | ${kb(body.length)} | ${kb(zipped)} |`);
  }
  return [
    `### First-load JS of a lesson page`,
    ``,
    `Page: \`${LESSON_PATH}\` (signed-in learner). Sizes are the scripts referenced by the HTML (noModule`,
    `polyfills excluded), gzip level 9.`,
    ``,
    `| script | raw KB | gzip KB |`,
    `| --- | ---: | ---: |`,
    ...rows,
    `| **total** | **${kb(raw)}** | **${kb(gzip)}** |`,
    ``,
    `Budget ${BUDGET_KB} KB gzip: ${gzip / 1024 <= BUDGET_KB ? "met" : "**over**"}.`,
  ].join("\n");
}
