"use server";

import { getCurrentUser } from "@/lib/auth/session";
import { loadCourse } from "@/lib/content/load";
import { findLesson } from "@/lib/content/navigation";
import { markLessonComplete } from "@/lib/progress/queries";
import { completeLessonSchema, type ActionResult } from "@/lib/progress/schema";

/** Resolves only after the completion is stored, so the UI never shows unsaved progress. */
export async function completeLesson(input: unknown): Promise<ActionResult> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, message: "登录已过期，请重新登录后再标记完成。" };
  const parsed = completeLessonSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: "请求无效：课程编号不正确。" };
  const lesson = findLesson(loadCourse(), parsed.data.lessonKey);
  if (!lesson) return { ok: false, message: "找不到这节课，可能已被移动或删除。" };
  try {
    await markLessonComplete(user.id, lesson.key, lesson.moduleSlug);
  } catch {
    return { ok: false, message: "保存失败，请检查网络后重试。" };
  }
  // No revalidatePath here: it would re-render the whole lesson into this response, making every
  // acknowledgment as slow as a page view. The client refreshes its view after the ack instead.
  return { ok: true };
}
