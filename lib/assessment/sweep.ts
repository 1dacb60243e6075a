import "server-only";
import { sweepExpiredAttempts } from "@/lib/assessment/attempts";

const SWEEP_EVERY_MS = 60_000;

/**
 * Closes attempts whose time ran out while nobody had them open, once a minute in every server
 * process, except in workers told `ATTEMPT_SWEEP=off`: a cluster primary (scripts/cluster.ts)
 * leaves the sweep to one of its workers, so that an exam's expiry is graded once per instance,
 * not once per core (decision 024). Instances may still overlap: closing is a conditional update
 * that only one of them wins. Returns whether this process sweeps.
 */
export function startAttemptSweep(environment: Record<string, string | undefined> = process.env): boolean {
  if (environment.ATTEMPT_SWEEP === "off") return false;
  const sweep = () =>
    sweepExpiredAttempts().catch((error) => {
      console.error("考核到时自动提交失败，将在下一轮重试：", error);
    });
  setTimeout(sweep, 5_000).unref();
  setInterval(sweep, SWEEP_EVERY_MS).unref();
  return true;
}
