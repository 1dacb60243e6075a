import "server-only";
import { requestUserOrNull } from "@/lib/auth/guards";
import { loadCourse } from "@/lib/content/load";
import { findLesson } from "@/lib/content/navigation";
import { markLessonComplete } from "@/lib/progress/queries";
import { completeLessonSchema, type ActionResult } from "@/lib/progress/schema";

export type CompletionOutcome = "stored" | "signed-out" | "bad-request" | "unknown-lesson" | "not-saved";
export type Completion = { outcome: CompletionOutcome; result: ActionResult };

const refused = (outcome: Exclude<CompletionOutcome, "stored">, message: string): Completion => ({
  outcome,
  result: { ok: false, message },
});

/**
 * `POST /api/progress`: who is asking, then the body, then the write. "stored" only once the
 * completion is in the database, so the page never shows unsaved progress as saved. Never throws.
 */
export async function completeLessonRequest(request: Request): Promise<Completion> {
  const user = await requestUserOrNull(request).catch(() => undefined);
  if (user === undefined) return refused("not-saved", "暂时无法确认登录状态，请稍后重试。");
  if (!user) return refused("signed-out", "登录已过期，请重新登录后再标记完成。");
  // A JSON content type also keeps other sites out: a cross-site fetch with it needs CORS approval.
  if (!request.headers.get("content-type")?.startsWith("application/json")) {
    return refused("bad-request", "请求格式不正确：需要 JSON。");
  }
  const body: unknown = await request.json().catch(() => undefined);
  const parsed = completeLessonSchema.safeParse(body);
  if (!parsed.success) return refused("bad-request", "请求无效：课程编号不正确。");
  const lesson = findLesson(loadCourse(), parsed.data.lessonKey);
  if (!lesson) return refused("unknown-lesson", "找不到这节课，可能已被移动或删除。");
  try {
    await markLessonComplete(user.id, lesson.key, lesson.moduleSlug, lesson.title);
  } catch {
    return refused("not-saved", "保存失败，请检查网络后重试。");
  }
  return { outcome: "stored", result: { ok: true } };
}
