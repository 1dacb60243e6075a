import type { Goals } from "./goals";
import type { Floor } from "./floor";

/** How the app under test runs: `workers` per instance (unset: npm start's default, one per core), one or two instances. */
export type ServerLayout = { workers?: number; instances?: 1 | 2 };

/** What every measurement gets: the server is up on BASE, the demo learner and admin signed in. */
export type Bench = {
  learnerCookie: string;
  adminCookie: string;
  /** Name of better-auth's session cookie as this server sets it. */
  sessionCookieName: string;
  /** Figures with a goal, gathered into one table at the top of the results. */
  goals: Goals;
  /** The bare Next.js page, built and served once per run when a measurement in FLOOR_MEASUREMENTS runs. */
  floor?: Floor;
  /**
   * Stops the app and starts it again as `layout` says (a second instance on BENCH_PORT + 1, started
   * once the first is ready); resolves to the ports serving. index.ts puts the default layout back
   * before the next measurement.
   */
  serve(layout: ServerLayout): Promise<number[]>;
};

/** One measurement: runs against the server and returns its Markdown for BENCHMARKS.md. */
export type Measurement = (bench: Bench) => Promise<string>;

/** The floor of a measurement that compares against it, or a clear error. */
export function requireFloor(bench: Bench): Floor {
  if (!bench.floor) throw new Error("this measurement needs the floor: add its name to FLOOR_MEASUREMENTS in index.ts");
  return bench.floor;
}
