import "server-only";
import { sendDue } from "@/lib/outbox/send";
import { reminderTick } from "@/lib/reminders/job";
import { reviewTick } from "@/lib/review/sweep";
import { sendStatements } from "@/lib/xapi/send";

const SWEEP_EVERY_MS = 60_000;

/**
 * Once a minute: the reminder job (cheap unless something changed, lib/reminders/job.ts), then
 * the outbox. Runs in the same one worker per instance as the attempt sweep (ATTEMPT_SWEEP,
 * decision 024); instances that overlap are safe (the pass and every message are claimed).
 * A round still running when the next minute comes is not started twice.
 */
export function startReminderSweep(environment: Record<string, string | undefined> = process.env): boolean {
  if (environment.ATTEMPT_SWEEP === "off") return false;
  let running = false;
  const sweep = async () => {
    if (running) return;
    running = true;
    try {
      await reminderTick().catch((error) => console.error("学习提醒生成失败，将在下一轮重试：", error));
      await reviewTick().catch((error) => console.error("错题复习处理失败，将在下一轮重试：", error));
      await sendDue().catch((error) => console.error("消息发送失败，将在下一轮重试：", error));
      // xAPI statements to the LRS (decision 042); a no-op without one.
      await sendStatements().catch((error) => console.error("学习记录（xAPI）发送失败，将在下一轮重试：", error));
    } finally {
      running = false;
    }
  };
  setTimeout(sweep, 8_000).unref();
  setInterval(sweep, SWEEP_EVERY_MS).unref();
  return true;
}
