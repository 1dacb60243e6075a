import { describe, expect, it } from "vitest";
import { assignmentState, beijingDay, daysLeft, endOfBeijingDay, requirementOf, startOfBeijingDay, type RequirementProgress } from "@/lib/assignments/status";
import type { Course } from "@/lib/content/schema";

const lesson = (moduleSlug: string, slug: string) => ({ key: `${moduleSlug}/${slug}`, slug, moduleSlug }) as Course["modules"][number]["lessons"][number];
const course = {
  modules: [
    { slug: "m1", lessons: [lesson("m1", "a"), lesson("m1", "b")] },
    { slug: "m2", lessons: [lesson("m2", "c")] },
  ],
  wrapUp: [],
} as unknown as Course;

const none: RequirementProgress = { lessonsDone: 0, lastLessonAt: null, quizzesDone: 0, lastQuizAt: null, assessmentSubmittedAt: null, assessmentStarted: false };
const dates = { startsAt: startOfBeijingDay("2026-12-01"), dueAt: endOfBeijingDay("2026-12-10") };

describe("assignment requirement", () => {
  it("asks every module and the 结业考核 for the course, only the chosen modules otherwise", () => {
    expect(requirementOf({ scope: "course", moduleSlugs: [] }, course)).toEqual({ lessonKeys: ["m1/a", "m1/b", "m2/c"], quizModules: ["m1", "m2"], assessment: true });
    expect(requirementOf({ scope: "modules", moduleSlugs: ["m2"] }, course)).toEqual({ lessonKeys: ["m2/c"], quizModules: ["m2"], assessment: false });
    expect(requirementOf({ scope: "assessment", moduleSlugs: [] }, course)).toEqual({ lessonKeys: [], quizModules: [], assessment: true });
  });
});

describe("assignment state", () => {
  const modules = requirementOf({ scope: "modules", moduleSlugs: ["m1"] }, course);
  const during = new Date("2026-12-05T04:00:00Z");

  it("is upcoming before the start, not started, in progress, then overdue after the due date", () => {
    expect(assignmentState(dates, modules, none, new Date("2026-11-30T15:00:00Z")).status).toBe("upcoming");
    expect(assignmentState(dates, modules, none, during).status).toBe("not_started");
    expect(assignmentState(dates, modules, { ...none, lessonsDone: 1, lastLessonAt: during }, during)).toMatchObject({ status: "in_progress", done: 1, total: 3 });
    expect(assignmentState(dates, modules, { ...none, lessonsDone: 2, lastLessonAt: during }, new Date("2026-12-10T16:00:00Z")).status).toBe("overdue");
  });

  it("is completed when the last piece is done, and late when that was after the due date", () => {
    const doneAt = new Date("2026-12-11T02:00:00Z");
    const state = assignmentState(dates, modules, { ...none, lessonsDone: 2, lastLessonAt: during, quizzesDone: 1, lastQuizAt: doneAt }, new Date("2026-12-12T00:00:00Z"));
    expect(state).toEqual({ status: "completed", completedAt: doneAt, late: true, done: 3, total: 3 });
  });

  it("counts a started 结业考核 as started, and only a submitted one as done", () => {
    const exam = requirementOf({ scope: "assessment", moduleSlugs: [] }, course);
    expect(assignmentState(dates, exam, { ...none, assessmentStarted: true }, during).status).toBe("in_progress");
    expect(assignmentState(dates, exam, { ...none, assessmentStarted: true, assessmentSubmittedAt: during }, during).status).toBe("completed");
  });
});

describe("Beijing days", () => {
  it("counts calendar days in Beijing, the due day itself being 0", () => {
    const due = endOfBeijingDay("2026-12-10");
    expect(due.toISOString()).toBe("2026-12-10T15:59:59.999Z");
    expect(daysLeft(due, new Date("2026-12-09T16:30:00Z"))).toBe(0); // 00:30 on the 10th in Beijing
    expect(daysLeft(due, new Date("2026-12-09T15:30:00Z"))).toBe(1);
    expect(daysLeft(due, new Date("2026-12-12T01:00:00Z"))).toBe(-2);
    expect(beijingDay(new Date("2026-12-31T16:00:00Z"))).toBe("2027-01-01");
  });
});
