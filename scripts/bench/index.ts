// npm run bench: seeds the cohort into the bench database once, starts the production server on
// its own port (building if stale), runs each measurement against it over loopback and writes the
// results into BENCHMARKS.md, in the section of the database measured.
//
//   BENCH_DATABASE_URL  database to measure (default file:./data/bench.db; postgresql://… for PostgreSQL)
//   BENCH_ONLY          comma-separated measurement names: run only those, print, leave BENCHMARKS.md alone
//   BENCH_CPU_PROF=1    next start writes a V8 CPU profile into .next-profiles/ (read it with profile-summary.ts)
//   BENCH_PROGRESS_RATE completions per second in the progress-writes measurement (default 100)
//   BENCH_PORT          port of the server under test (default 3600; a second app instance uses the next one)
//   BENCH_FLOOR_PORT    port of the bare Next.js page the front-end measurements compare with (default BENCH_PORT + 1)
//   BENCH_EXAM_LEARNERS learners of the exam day (default 500; the autosave capacity run uses at most 300)
import "./use-bench-database"; // first, before anything imports lib/db.ts
import { readFileSync } from "node:fs";
import os from "node:os";
import { db } from "@/lib/db";
import { assessmentLoad } from "./assessment";
import { autosaveCapacity } from "./autosave-capacity";
import { dashboard } from "./dashboard";
import { departments } from "./departments";
import { databaseVersion, ensureDemoAccounts, seedCohortIfMissing } from "./database";
import { DATABASE_KIND, DATABASE_LABEL, PORT, PRINTABLE_DATABASE_URL } from "./env";
import { firstLoadJs } from "./first-load-js";
import { Goals } from "./goals";
import { startFloor, type Floor } from "./floor";
import { items } from "./items";
import { lighthouseMeasurement } from "./lighthouse";
import { deleteBenchLearners, sessionCookieName, signIn } from "./learners";
import { lessonView } from "./lesson-view";
import { lessonVsStatic, writeStaticPlaceholder } from "./lesson-vs-static";
import { progressWrites } from "./progress-writes";
import { runHeader, writeSection } from "./report";
import { startServer, type Server } from "./server";
import type { Bench, Measurement, ServerLayout } from "./types";

// In this order: the dashboard runs before the write measurements add (and remove) their learners.
const MEASUREMENTS: Record<string, Measurement> = {
  "first-load-js": firstLoadJs,
  "lesson-vs-static": lessonVsStatic,
  "lesson-view": lessonView,
  lighthouse: lighthouseMeasurement,
  dashboard,
  departments,
  items,
  "progress-writes": progressWrites,
  assessment: assessmentLoad,
  "autosave-capacity": autosaveCapacity,
};

/** Measurements compared with the framework floor: it is built and served once when any of them runs. */
const FLOOR_MEASUREMENTS = ["first-load-js", "lighthouse", "lesson-view"];

const log = (line: string) => console.error(line);
const only = process.env.BENCH_ONLY?.split(",").map((s) => s.trim()).filter(Boolean);
const unknown = only?.filter((name) => !(name in MEASUREMENTS));
if (unknown?.length) throw new Error(`BENCH_ONLY: unknown ${unknown.join(", ")}; known: ${Object.keys(MEASUREMENTS).join(", ")}`);

const startedAt = new Date();
const loadAverage = os.loadavg()[0];
await seedCohortIfMissing(log);
writeStaticPlaceholder();
log(`Starting the server on the ${DATABASE_LABEL} bench database (builds first if the build is stale) …`);
const cpuProfile = process.env.BENCH_CPU_PROF === "1";
let servers: Server[] = [await startServer({ cpuProfile })];
let layoutChanged = false;

/** Stops every instance, then starts `layout`'s one after the other (the first migrates, builds if stale). */
async function serve({ workers, instances = 1 }: ServerLayout, isDefault = false): Promise<number[]> {
  await Promise.all(servers.map((s) => s.stop()));
  servers = [];
  layoutChanged = !isDefault;
  // npm start migrates first, and on SQLite a migration needs the file to itself: the bench's own
  // connection closes here (Prisma opens it again at the next query).
  await db.$disconnect();
  const ports = Array.from({ length: instances }, (_, i) => PORT + i);
  for (const port of ports) {
    log(`  (re)starting the server on port ${port}${workers ? `, WEB_CONCURRENCY=${workers}` : ""} …`);
    servers.push(await startServer({ cpuProfile, workers, port }));
  }
  return ports;
}

const sections: string[] = [];
let failed = false;
const goals = new Goals();
let floor: Floor | undefined;
try {
  ensureDemoAccounts();
  const learnerCookie = await signIn("learner@example.com", "learner123");
  if (FLOOR_MEASUREMENTS.some((name) => !only || only.includes(name))) floor = await startFloor(log);
  const bench: Bench = {
    learnerCookie,
    adminCookie: await signIn("admin@example.com", "admin12345"),
    sessionCookieName: sessionCookieName(learnerCookie),
    goals,
    floor,
    serve: (layout) => serve(layout),
  };
  await deleteBenchLearners(); // left over by an interrupted run
  const lastFloorMeasurement = Object.keys(MEASUREMENTS).filter((n) => FLOOR_MEASUREMENTS.includes(n) && (!only || only.includes(n))).at(-1);
  for (const [name, measure] of Object.entries(MEASUREMENTS)) {
    if (only && !only.includes(name)) continue;
    // Every measurement starts on npm start's own layout: one instance, one worker per core.
    if (layoutChanged) await serve({}, true);
    log(`▶ ${name}`);
    try {
      const markdown = await measure(bench);
      sections.push(markdown);
      console.log(`${markdown}\n`);
    } catch (error) {
      failed = true;
      log(`✗ ${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
    if (name === lastFloorMeasurement) {
      // Its port is the one a second app instance takes (the exam day on PostgreSQL).
      await floor?.stop();
      floor = bench.floor = undefined;
    }
  }
} finally {
  await floor?.stop();
  await Promise.all(servers.map((s) => s.stop()));
  await db.$disconnect();
}

if (failed) {
  log("A measurement failed: BENCHMARKS.md was not changed.");
  process.exitCode = 1;
} else if (only) {
  if (goals.rows.length) console.log(`${goals.table()}\n`);
  log("BENCH_ONLY set: BENCHMARKS.md was not changed.");
} else {
  const command = [
    process.env.BENCH_DATABASE_URL ? `BENCH_DATABASE_URL=${PRINTABLE_DATABASE_URL}` : "",
    process.env.BENCH_PROGRESS_RATE ? `BENCH_PROGRESS_RATE=${process.env.BENCH_PROGRESS_RATE}` : "",
    "npm run bench",
  ].filter(Boolean).join(" ");
  const header = runHeader({
    command,
    database: `${DATABASE_LABEL} ${await databaseVersion()} (\`${PRINTABLE_DATABASE_URL}\`)`,
    startedAt,
    loadAverage,
    seconds: (Date.now() - startedAt.getTime()) / 1000,
    nextVersion: (JSON.parse(readFileSync("node_modules/next/package.json", "utf8")) as { version: string }).version,
  });
  writeSection("BENCHMARKS.md", DATABASE_KIND, `Results: ${DATABASE_LABEL}`, [header, goals.table(), ...sections].filter(Boolean).join("\n\n"));
  log(`BENCHMARKS.md: the ${DATABASE_LABEL} results section was rewritten.`);
}
