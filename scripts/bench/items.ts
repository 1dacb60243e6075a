// Item analysis on the seeded cohort: the whole streamed page (the tables arrive after the
// statistics are computed), timed to its last byte. Nothing is cached in the server process, so
// the first load is reported on its own only to show that.
import { BASE } from "./env";
import type { Bench } from "./types";

const CASES: [string, string][] = [
  ["first load (first attempts)", "/analytics/items"],
  ["second load (first attempts)", "/analytics/items"],
  ["all attempts, retakes included", "/analytics/items?scope=all"],
  ["CSV export (first attempts)", "/analytics/items/export"],
  ["charts: distributions, rates, funnel", "/analytics"],
];

export async function items(bench: Bench): Promise<string> {
  const rows: string[] = [];
  for (const [label, path] of CASES) {
    const start = performance.now();
    const res = await fetch(new URL(path, BASE), { headers: { cookie: bench.adminCookie } });
    const body = await res.arrayBuffer(); // last byte: the tables stream in after the queries
    const ms = performance.now() - start;
    rows.push(`| ${label} | \`${path}\` | ${ms.toFixed(0)} | ${(body.byteLength / 1024).toFixed(0)} | ${res.status} |`);
  }
  return [
    `### Item analysis and charts on the cohort`,
    ``,
    `Whole response, to its last byte, for the signed-in demo admin, one request each.`,
    ``,
    `| view | URL | ms | KB | status |`,
    `| --- | --- | ---: | ---: | ---: |`,
    ...rows,
    ``,
  ].join("\n");
}
