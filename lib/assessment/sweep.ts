import "server-only";
import { sweepExpiredAttempts } from "@/lib/assessment/attempts";

const SWEEP_EVERY_MS = 60_000;

/**
 * Closes attempts whose time ran out while nobody had them open, once a minute in every server
 * process. Instances may overlap: closing is a conditional update that only one of them wins.
 */
export function startAttemptSweep(): void {
  const sweep = () =>
    sweepExpiredAttempts().catch((error) => {
      console.error("考核到时自动提交失败，将在下一轮重试：", error);
    });
  setTimeout(sweep, 5_000).unref();
  setInterval(sweep, SWEEP_EVERY_MS).unref();
}
