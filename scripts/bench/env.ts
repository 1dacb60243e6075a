// Which database and port the bench uses (no side effects: see use-bench-database.ts).

// BENCH_PORT: another port when 3600 is taken (e.g. a second checkout benchmarking at the same time).
export const PORT = Number(process.env.BENCH_PORT || 3600);
export const BASE = `http://localhost:${PORT}`;
/** The bare Next.js page of floor.ts (default: the port after BENCH_PORT). */
export const FLOOR_PORT = Number(process.env.BENCH_FLOOR_PORT || PORT + 1);

export const BENCH_DATABASE_URL = process.env.BENCH_DATABASE_URL || "file:./data/bench.db";

export type DatabaseKind = "sqlite" | "postgresql";
export const DATABASE_KIND: DatabaseKind = /^postgres(ql)?:\/\//.test(BENCH_DATABASE_URL) ? "postgresql" : "sqlite";
export const DATABASE_LABEL = DATABASE_KIND === "postgresql" ? "PostgreSQL" : "SQLite";

/** The URL as it may be printed: a password in it is replaced by ***. */
export const PRINTABLE_DATABASE_URL = BENCH_DATABASE_URL.replace(/\/\/([^:/@]+):[^@]*@/, "//$1:***@");

/** Environment of the seeders and the server: the bench database, the bench port. */
export const childEnv: NodeJS.ProcessEnv = {
  ...process.env,
  PORT: String(PORT),
  DATABASE_URL: BENCH_DATABASE_URL,
  NEXT_TELEMETRY_DISABLED: "1",
  // The bench signs the demo learner and admin in at every run; repeated runs within a minute
  // would otherwise hit the 5-a-minute limit (counters live in the database).
  SIGN_IN_LIMIT_PER_MINUTE: "1000",
};

/** BENCH_EXAM_LEARNERS: fewer learners on exam day for a quick check (the goals are for 500). */
export const EXAM_LEARNERS = positiveInteger("BENCH_EXAM_LEARNERS", process.env.BENCH_EXAM_LEARNERS, 500);

function positiveInteger(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value.trim() === "") return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name}: expected a whole number ≥ 1, got "${value}"`);
  return n;
}
