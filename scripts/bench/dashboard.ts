// Server time of the admin dashboard on the seeded cohort: time to first byte over loopback of
// each URL, repeated, median and worst reported (the page streams nothing before its queries end).

export type Timing = { label: string; path: string; median: number; max: number; status: number };

const CASES: [string, string][] = [
  ["first page (default sort: last activity)", "/admin"],
  ["search by name", "/admin?q=learner0042"],
  ["status 通过并获证", "/admin?status=certified"],
  ["score range 75–89.9", "/admin?min=75&max=89.9"],
  ["date range (last activity, 7 days)", "/admin?dateField=activity&from=DATE7&to=TODAY"],
  ["module 8 done", "/admin?module=team-and-growth&moduleState=done"],
  ["sort by final score", "/admin?sort=score&dir=desc"],
  ["page 200", "/admin?page=200"],
];

export async function benchDashboard(base: string, cookie: string, runs = 7): Promise<Timing[]> {
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const timings: Timing[] = [];
  for (const [label, raw] of CASES) {
    const path = raw.replace("DATE7", day(-7)).replace("TODAY", day(0));
    const samples: number[] = [];
    let status = 0;
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      const res = await fetch(new URL(path, base), { headers: { cookie } });
      status = res.status;
      const reader = res.body!.getReader();
      await reader.read(); // first byte
      samples.push(performance.now() - start);
      await reader.cancel();
    }
    samples.sort((a, b) => a - b);
    timings.push({ label, path, status, median: samples[Math.floor(samples.length / 2)], max: samples.at(-1)! });
  }
  return timings;
}
