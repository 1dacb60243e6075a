import type { ActionResult } from "@/lib/progress/schema";

const UNREACHABLE = "保存失败，请检查网络后重试。";

/**
 * Tells the server a lesson is complete; `{ ok: true }` only once it is stored. Network failures
 * and answers that are not the route's JSON (a proxy's error page, say) become a zh-CN message.
 */
export async function postLessonCompletion(lessonKey: string): Promise<ActionResult> {
  try {
    const response = await fetch("/api/progress", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ lessonKey }),
      cache: "no-store",
    });
    const answer = (await response.json().catch(() => null)) as Partial<{ ok: boolean; message: string }> | null;
    if (response.ok && answer?.ok === true) return { ok: true };
    if (answer?.ok === false && typeof answer.message === "string") return { ok: false, message: answer.message };
    return { ok: false, message: UNREACHABLE };
  } catch {
    return { ok: false, message: UNREACHABLE };
  }
}
