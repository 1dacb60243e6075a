import type { Course } from "@/lib/content/schema";

// What a 学习任务 asks and where a learner stands in it. Pure: the queries gather the learner's
// progress, this decides. Decision 029 has the definitions:
// - a module is done when all its lessons are read and its quiz has been submitted once;
// - "course" asks every module and a submitted 结业考核; "modules" the chosen modules;
//   "assessment" a submitted 结业考核 (submitted by the learner or at expiry);
// - completed: everything asked is done (completedAt: when the last piece was done; after the due
//   date it is still completed, and "late");
// - overdue: not completed and the due date has passed; upcoming: the start date is still ahead
//   and nothing is done yet; in_progress: anything asked was started; otherwise not_started.

export const ASSIGNMENT_SCOPES = ["course", "modules", "assessment"] as const;
export type AssignmentScope = (typeof ASSIGNMENT_SCOPES)[number];
export const ASSIGNMENT_SCOPE_LABELS: Record<AssignmentScope, string> = { course: "整门课程", modules: "指定模块", assessment: "结业考核" };

/** A stored scope (a string column) as the type; an unknown value reads as the whole course. */
export const storedScope = (scope: string): AssignmentScope =>
  (ASSIGNMENT_SCOPES as readonly string[]).includes(scope) ? (scope as AssignmentScope) : "course";
/** The stored comma-separated module slugs as a list. */
export const storedModuleSlugs = (text: string): string[] => (text ? text.split(",") : []);

export const ASSIGNMENT_STATUSES = ["upcoming", "not_started", "in_progress", "completed", "overdue"] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];
export const ASSIGNMENT_STATUS_LABELS: Record<AssignmentStatus, string> = {
  upcoming: "未开放",
  not_started: "未开始",
  in_progress: "进行中",
  completed: "已完成",
  overdue: "已逾期",
};

/** What an assignment asks, in the course as it is now. */
export type Requirement = { lessonKeys: string[]; quizModules: string[]; assessment: boolean };

export function requirementOf(assignment: { scope: AssignmentScope; moduleSlugs: readonly string[] }, course: Course): Requirement {
  const modules =
    assignment.scope === "course"
      ? course.modules
      : assignment.scope === "modules"
        ? course.modules.filter((mod) => assignment.moduleSlugs.includes(mod.slug))
        : [];
  return {
    lessonKeys: modules.flatMap((mod) => mod.lessons.map((lesson) => lesson.key)),
    quizModules: modules.map((mod) => mod.slug),
    assessment: assignment.scope !== "modules",
  };
}

/** A learner's progress on one requirement's pieces, as the queries count it. */
export type RequirementProgress = {
  lessonsDone: number; // of requirement.lessonKeys
  lastLessonAt: Date | null;
  quizzesDone: number; // of requirement.quizModules, each counted once
  lastQuizAt: Date | null; // the first submission of the last module quiz to be done
  assessmentSubmittedAt: Date | null; // the first submitted 结业考核
  assessmentStarted: boolean;
};

export type AssignmentState = { status: AssignmentStatus; completedAt: Date | null; late: boolean; done: number; total: number };

const latest = (dates: (Date | null)[]): Date | null =>
  dates.reduce<Date | null>((max, date) => (date && (!max || date > max) ? date : max), null);

export function assignmentState(
  dates: { startsAt: Date; dueAt: Date },
  requirement: Requirement,
  progress: RequirementProgress,
  now: Date,
): AssignmentState {
  const total = requirement.lessonKeys.length + requirement.quizModules.length + (requirement.assessment ? 1 : 0);
  const done = progress.lessonsDone + progress.quizzesDone + (requirement.assessment && progress.assessmentSubmittedAt ? 1 : 0);
  if (done >= total) {
    const completedAt = latest([progress.lastLessonAt, progress.lastQuizAt, requirement.assessment ? progress.assessmentSubmittedAt : null]) ?? dates.startsAt;
    return { status: "completed", completedAt, late: completedAt > dates.dueAt, done, total };
  }
  const started = done > 0 || (requirement.assessment && progress.assessmentStarted);
  const status: AssignmentStatus = now > dates.dueAt ? "overdue" : started ? "in_progress" : now < dates.startsAt ? "upcoming" : "not_started";
  return { status, completedAt: null, late: false, done, total };
}

const DAY_MS = 24 * 60 * 60 * 1000;
const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The Beijing calendar date of an instant, YYYY-MM-DD. */
export const beijingDay = (at: Date): string => new Date(at.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10);

/**
 * Whole Beijing calendar days from today to the due date's day: 0 on the due day, negative when
 * overdue ("已逾期 2 天"). Due dates are stored as instants; a date typed as "2026-12-31" means
 * the end of that day in Beijing (23:59:59.999 +08:00).
 */
export function daysLeft(dueAt: Date, now: Date): number {
  return Math.round((Date.parse(beijingDay(dueAt)) - Date.parse(beijingDay(now))) / DAY_MS);
}

/** The instant a Beijing date ends: how a due date typed as a day is stored. */
export const endOfBeijingDay = (day: string): Date => new Date(Date.parse(`${day}T23:59:59.999+08:00`));
/** The instant a Beijing date begins: how a start date typed as a day is stored. */
export const startOfBeijingDay = (day: string): Date => new Date(Date.parse(`${day}T00:00:00.000+08:00`));
