import "server-only";
import type { CurrentUser } from "@/lib/auth/session";
import { loadCourse } from "@/lib/content/load";
import { findLesson, findModule } from "@/lib/content/navigation";
import { getCompletedLessonKeys } from "@/lib/progress/queries";
import { courseProgress } from "@/lib/progress/rules";
import type { LearnerState } from "@/lib/progress/learner-state-types";

export type LearnerStateResult = { ok: true; state: LearnerState } | { ok: false; status: 404; message: string };

/**
 * What a prerendered lesson page asks for after it loads: who is reading (for the header) and,
 * with a lesson key, whether they finished it and how far they are in its module.
 */
export async function loadLearnerState(user: CurrentUser, lessonKey?: string): Promise<LearnerStateResult> {
  const header = { name: user.name, role: user.role };
  if (!lessonKey) return { ok: true, state: { user: header } };
  const course = loadCourse();
  const lesson = findLesson(course, lessonKey);
  const mod = lesson && findModule(course, lesson.moduleSlug);
  if (!lesson || !mod) return { ok: false, status: 404, message: "找不到这节课，可能已被移动或删除。" };
  const completed = await getCompletedLessonKeys(user.id);
  const module = courseProgress(course, completed).modules[mod.slug];
  return { ok: true, state: { user: header, lesson: { key: lesson.key, completed: completed.has(lesson.key), module } } };
}
