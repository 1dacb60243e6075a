// Runs once when a server process starts (Next.js instrumentation hook).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { startAttemptSweep } = await import("@/lib/assessment/sweep");
  startAttemptSweep();
  const { startReminderSweep } = await import("@/lib/reminders/sweep");
  startReminderSweep();
}
