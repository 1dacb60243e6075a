import "server-only";
import { sendDue } from "@/lib/outbox/send";
import { reminderTick } from "@/lib/reminders/job";
import { reviewTick } from "@/lib/review/sweep";
import { pruneExpired } from "@/lib/retention/prune";
import { sendStatements } from "@/lib/xapi/send";

const SWEEP_EVERY_MS = 60_000;
// Retention (decision 044): once a day, the first time an hour after start (not during a restart's rush).
const PRUNE_EVERY_MS = 24 * 60 * 60 * 1000;
const FIRST_PRUNE_AFTER_MS = 60 * 60 * 1000;

/**
 * Once a minute: the reminder job (cheap unless something changed, lib/reminders/job.ts), then
 * the outbox, the xAPI statements, and once a day the retention prune. Runs in the same one
 * worker per instance as the attempt sweep (ATTEMPT_SWEEP, decision 024); instances that overlap
 * are safe (the pass and every message are claimed; pruning twice deletes the same rows). A round
 * still running when the next minute comes is not started twice.
 */
export function startReminderSweep(environment: Record<string, string | undefined> = process.env): boolean {
  if (environment.ATTEMPT_SWEEP === "off") return false;
  let running = false;
  let nextPrune = Date.now() + FIRST_PRUNE_AFTER_MS;
  const sweep = async () => {
    if (running) return;
    running = true;
    try {
      await reminderTick().catch((error) => console.error("学习提醒生成失败，将在下一轮重试：", error));
      await reviewTick().catch((error) => console.error("错题复习处理失败，将在下一轮重试：", error));
      await sendDue().catch((error) => console.error("消息发送失败，将在下一轮重试：", error));
      // xAPI statements to the LRS (decision 042); a no-op without one.
      await sendStatements().catch((error) => console.error("学习记录（xAPI）发送失败，将在下一轮重试：", error));
      if (Date.now() >= nextPrune) {
        nextPrune = Date.now() + PRUNE_EVERY_MS;
        await pruneExpired().catch((error) => console.error("过期记录清理失败，将在明天重试：", error));
      }
    } finally {
      running = false;
    }
  };
  setTimeout(sweep, 8_000).unref();
  setInterval(sweep, SWEEP_EVERY_MS).unref();
  return true;
}
