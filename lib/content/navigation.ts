import type { Course, CourseModule, LessonMeta } from "@/lib/content/schema";

/** Every lesson in reading order. */
export function lessonSequence(course: Course): LessonMeta[] {
  return course.modules.flatMap((mod) => mod.lessons);
}

export function findModule(course: Course, moduleSlug: string): CourseModule | undefined {
  return course.modules.find((mod) => mod.slug === moduleSlug);
}

export function findLesson(course: Course, lessonKey: string): LessonMeta | undefined {
  return lessonSequence(course).find((lesson) => lesson.key === lessonKey);
}

export function neighbours(course: Course, lessonKey: string) {
  const all = lessonSequence(course);
  const index = all.findIndex((lesson) => lesson.key === lessonKey);
  return { previous: index > 0 ? all[index - 1] : undefined, next: index >= 0 ? all[index + 1] : undefined };
}

export function lessonHref(lesson: Pick<LessonMeta, "moduleSlug" | "slug">): string {
  return `/modules/${lesson.moduleSlug}/${lesson.slug}`;
}

export function moduleHref(mod: Pick<CourseModule, "slug">): string {
  return `/modules/${mod.slug}`;
}

export function wrapUpHref(page: Pick<LessonMeta, "slug">): string {
  return `/wrap-up/${page.slug}`;
}

export function findWrapUpPage(course: Course, slug: string): LessonMeta | undefined {
  return course.wrapUp.find((page) => page.slug === slug);
}
