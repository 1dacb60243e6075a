import { lessonSequence } from "@/lib/content/navigation";
import type { Course, LessonMeta } from "@/lib/content/schema";

export type Tally = { done: number; total: number; percent: number };

export function tally(done: number, total: number): Tally {
  return { done, total, percent: total === 0 ? 0 : Math.round((done / total) * 100) };
}

export type CourseProgress = {
  overall: Tally;
  modules: Record<string, Tally>;
  /** First unfinished lesson in reading order; undefined when the course is finished. */
  nextLesson: LessonMeta | undefined;
};

/** Progress of one learner, from the set of lesson keys they completed. */
export function courseProgress(course: Course, completed: ReadonlySet<string>): CourseProgress {
  const modules: Record<string, Tally> = {};
  for (const mod of course.modules) {
    const done = mod.lessons.filter((lesson) => completed.has(lesson.key)).length;
    modules[mod.slug] = tally(done, mod.lessons.length);
  }
  const all = lessonSequence(course);
  const done = all.filter((lesson) => completed.has(lesson.key)).length;
  return {
    overall: tally(done, all.length),
    modules,
    nextLesson: all.find((lesson) => !completed.has(lesson.key)),
  };
}
