// Item analysis on the seeded cohort: the whole streamed page (the tables arrive after the
// statistics are computed), timed to its last byte. The first load after the server starts is
// reported on its own: per-process caches or cold database pages would show there.

export type ItemTiming = { label: string; path: string; ms: number; status: number; bytes: number };

const CASES: [string, string][] = [
  ["first load after server start (first attempts)", "/analytics/items"],
  ["second load (first attempts)", "/analytics/items"],
  ["all attempts, retakes included", "/analytics/items?scope=all"],
  ["CSV export (first attempts)", "/analytics/items/export"],
];

export async function benchItems(base: string, cookie: string): Promise<ItemTiming[]> {
  const timings: ItemTiming[] = [];
  for (const [label, path] of CASES) {
    const start = performance.now();
    const res = await fetch(new URL(path, base), { headers: { cookie } });
    const body = await res.arrayBuffer(); // last byte: the tables stream in after the queries
    timings.push({ label, path, ms: performance.now() - start, status: res.status, bytes: body.byteLength });
  }
  return timings;
}
