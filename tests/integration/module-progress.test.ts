import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { assignmentStates } from "@/lib/assignments/progress";
import { endOfBeijingDay, startOfBeijingDay } from "@/lib/assignments/status";
import { loadCourse } from "@/lib/content/load";
import { db } from "@/lib/db";
import { markLessonComplete } from "@/lib/progress/queries";

// module_progress is kept by triggers in the migrations (decision 040): whatever writes
// lesson_progress or quiz_attempt — the app, the seeder, a test — the summary follows, and the
// 学习任务 states read from it count what the lesson rows say.

const course = loadCourse();
const [first, second] = course.modules;

async function learner() {
  const id = `mp-${randomUUID()}`;
  await db.user.create({ data: { id, name: "学员", email: `${id}@example.com`, role: "learner" } });
  return id;
}
const summary = (userId: string) =>
  db.moduleProgress.findMany({ where: { userId }, orderBy: { moduleSlug: "asc" }, select: { moduleSlug: true, lessonsDone: true, lastLessonAt: true, firstQuizAt: true } });
const quiz = (userId: string, moduleSlug: string, submittedAt: Date) =>
  db.quizAttempt.create({ data: { userId, moduleSlug, correct: 1, total: 1, score: 100, review: "[]", submittedAt } });

describe("module_progress", () => {
  it("counts lessons and keeps the latest completion and the first quiz, through the app and direct writes", async () => {
    const userId = await learner();
    await markLessonComplete(userId, first.lessons[0].key, first.slug);
    await markLessonComplete(userId, first.lessons[0].key, first.slug); // again: no second count
    const late = new Date(Date.now() + 60_000);
    await db.lessonProgress.create({ data: { userId, lessonKey: first.lessons[1].key, moduleSlug: first.slug, completedAt: late } });
    await quiz(userId, first.slug, new Date("2026-06-02T00:00:00Z"));
    await quiz(userId, first.slug, new Date("2026-06-01T00:00:00Z"));
    await quiz(userId, second.slug, new Date("2026-06-03T00:00:00Z"));

    expect(await summary(userId)).toEqual([
      { moduleSlug: first.slug, lessonsDone: 2, lastLessonAt: late, firstQuizAt: new Date("2026-06-01T00:00:00Z") },
      { moduleSlug: second.slug, lessonsDone: 0, lastLessonAt: null, firstQuizAt: new Date("2026-06-03T00:00:00Z") },
    ]);
  });

  it("recounts when rows are deleted or moved, and leaves nothing behind a deleted learner", async () => {
    const userId = await learner();
    const early = new Date("2026-05-01T00:00:00Z");
    const later = new Date("2026-05-02T00:00:00Z");
    const a = await db.lessonProgress.create({ data: { userId, lessonKey: first.lessons[0].key, moduleSlug: first.slug, completedAt: early } });
    const b = await db.lessonProgress.create({ data: { userId, lessonKey: first.lessons[1].key, moduleSlug: first.slug, completedAt: later } });
    const q = await quiz(userId, first.slug, early);

    await db.lessonProgress.delete({ where: { id: b.id } });
    await db.lessonProgress.update({ where: { id: a.id }, data: { completedAt: later } });
    await db.quizAttempt.update({ where: { id: q.id }, data: { moduleSlug: second.slug } });
    expect(await summary(userId)).toEqual([
      { moduleSlug: first.slug, lessonsDone: 1, lastLessonAt: later, firstQuizAt: null },
      { moduleSlug: second.slug, lessonsDone: 0, lastLessonAt: null, firstQuizAt: early },
    ]);

    await db.user.delete({ where: { id: userId } });
    expect(await db.moduleProgress.count({ where: { userId } })).toBe(0);
  });

  it("feeds 学习任务 states; completions of lessons no longer in the course do not count", async () => {
    const userId = await learner();
    const id = randomUUID();
    await db.assignment.create({
      data: {
        id, title: "第一模块", scope: "modules", moduleSlugs: first.slug, startsAt: startOfBeijingDay("2026-12-01"), dueAt: endOfBeijingDay("2026-12-10"),
        createdById: "admin", targets: { create: [{ userId }] },
      },
    });
    const now = new Date("2026-12-05T04:00:00Z");
    const stateOf = async () => (await assignmentStates({ assignmentIds: [id], now }))[0].state;

    // All but the last lesson, plus as many completions of lessons since removed from the content.
    for (const lesson of first.lessons.slice(0, -1)) await markLessonComplete(userId, lesson.key, first.slug);
    for (let i = 0; i < 3; i++) await markLessonComplete(userId, `removed-lesson-${i}`, first.slug);
    await quiz(userId, first.slug, now);
    expect(await stateOf()).toMatchObject({ status: "in_progress", done: first.lessons.length, total: first.lessons.length + 1 });

    await markLessonComplete(userId, first.lessons.at(-1)!.key, first.slug);
    expect(await stateOf()).toMatchObject({ status: "completed", done: first.lessons.length + 1 });
  });
});
