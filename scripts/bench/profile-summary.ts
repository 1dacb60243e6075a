// npx tsx scripts/bench/profile-summary.ts [file.cpuprofile] — where a server profile written by
// `BENCH_CPU_PROF=1 npm run bench` spent its CPU time: self time by package and by function, and
// inclusive time by function (TOP=n rows). Without an argument it reads the newest next start
// profile in .next-profiles/. Server bundles are minified: app code shows as "(app bundle)".
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { PROFILE_DIR } from "./server";

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] };
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };

function newestProfile(): string {
  // "cpu-profile-<time>" is next start's; a build run with profiling on leaves "build-…" ones.
  const files = existsSync(PROFILE_DIR) ? readdirSync(PROFILE_DIR).filter((f) => /^cpu-profile-.*\.cpuprofile$/.test(f)) : [];
  if (!files.length) throw new Error(`no server profile in ${PROFILE_DIR}: run BENCH_CPU_PROF=1 npm run bench first`);
  return files.map((f) => path.join(PROFILE_DIR, f)).sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
}

/** "@prisma/client", "next/compiled/next-server", "(app bundle) .next", "(node internals)", "(idle)" … */
function owner(url: string, fn: string): string {
  if (!url) return fn.startsWith("(") ? fn : "(native)";
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) {
    const compiled = /next\/dist\/compiled\/([^/]+)/.exec(url);
    return compiled ? `next/compiled/${compiled[1]}` : pkg[1];
  }
  if (url.startsWith("node:")) return "(node internals)";
  if (url.includes("/.next/")) return "(app bundle) .next";
  return path.relative(process.cwd(), url.replace(/^file:\/\//, ""));
}

const file = process.argv[2] ?? newestProfile();
const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map<number, number>();
profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));

const parent = new Map<number, number>();
for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id);
const label = (id: number) => {
  const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
  const where = url.startsWith("node:") ? url : owner(url, functionName);
  return `${functionName || "(anonymous)"}  ${where}${url ? `:${lineNumber + 1}` : ""}`;
};

const total = [...self.values()].reduce((a, b) => a + b, 0);
const byOwner = new Map<string, number>();
const byFunction = new Map<string, number>();
// Inclusive: a sample counts once for every distinct function on its stack.
const inclusive = new Map<string, number>();
for (const [id, us] of self) {
  const { functionName, url } = byId.get(id)!.callFrame;
  const who = owner(url, functionName);
  byOwner.set(who, (byOwner.get(who) ?? 0) + us);
  byFunction.set(label(id), (byFunction.get(label(id)) ?? 0) + us);
  const seen = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    const name = label(at);
    if (!seen.has(name)) inclusive.set(name, (inclusive.get(name) ?? 0) + us);
    seen.add(name);
  }
}

const print = (title: string, entries: Map<string, number>, n: number) => {
  console.log(`\n${title}`);
  for (const [name, us] of [...entries].sort((a, b) => b[1] - a[1]).slice(0, n)) {
    console.log(`${((us / total) * 100).toFixed(1).padStart(5)} %  ${(us / 1000).toFixed(0).padStart(7)} ms  ${name}`);
  }
};
console.log(`${file}: ${(total / 1e6).toFixed(1)} s sampled`);
print("Self time by package", byOwner, 20);
print("Self time by function", byFunction, 30);
print("Inclusive time by function", inclusive, Number(process.env.TOP ?? 60));
