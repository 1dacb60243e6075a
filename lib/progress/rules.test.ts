import { describe, expect, it } from "vitest";
import type { Course, LessonMeta } from "@/lib/content/schema";
import { courseProgress, tally } from "@/lib/progress/rules";

function lesson(moduleSlug: string, slug: string, order: number): LessonMeta {
  return { key: `${moduleSlug}/${slug}`, slug, moduleSlug, order, file: "", title: slug, minutes: 5, slides: ["s"], topics: ["T01"] };
}

const course: Course = {
  modules: [
    { slug: "a", file: "", title: "A", summary: "", objectives: ["o"], order: 1, minutes: 10, lessons: [lesson("a", "one", 1), lesson("a", "two", 2)] },
    { slug: "b", file: "", title: "B", summary: "", objectives: ["o"], order: 2, minutes: 10, lessons: [lesson("b", "three", 1)] },
  ],
  wrapUp: [lesson("wrap-up", "summary", 1)],
};

describe("courseProgress", () => {
  it("starts at zero with the first lesson next", () => {
    const progress = courseProgress(course, new Set());
    expect(progress.overall).toEqual({ done: 0, total: 3, percent: 0 });
    expect(progress.nextLesson?.key).toBe("a/one");
  });

  it("points at the first unfinished lesson in reading order, even after skipping ahead", () => {
    const progress = courseProgress(course, new Set(["a/one", "b/three"]));
    expect(progress.nextLesson?.key).toBe("a/two");
    expect(progress.modules.a).toEqual({ done: 1, total: 2, percent: 50 });
    expect(progress.modules.b).toEqual({ done: 1, total: 1, percent: 100 });
    expect(progress.overall.percent).toBe(67);
  });

  it("has no next lesson when everything is complete", () => {
    const progress = courseProgress(course, new Set(["a/one", "a/two", "b/three"]));
    expect(progress.nextLesson).toBeUndefined();
    expect(progress.overall.percent).toBe(100);
  });

  it("ignores completions of lessons that no longer exist", () => {
    expect(courseProgress(course, new Set(["gone/lesson"])).overall.done).toBe(0);
  });

  it("treats an empty module as 0%", () => {
    expect(tally(0, 0).percent).toBe(0);
  });
});
