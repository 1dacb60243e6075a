import type { Goals } from "./goals";

/** What every measurement gets: the server is up on BASE, the demo learner and admin signed in. */
export type Bench = {
  learnerCookie: string;
  adminCookie: string;
  /** Name of better-auth's session cookie as this server sets it. */
  sessionCookieName: string;
  /** Figures with a goal, gathered into one table at the top of the results. */
  goals: Goals;
};

/** One measurement: runs against the server and returns its Markdown for BENCHMARKS.md. */
export type Measurement = (bench: Bench) => Promise<string>;
