import type { Course } from "@/lib/content/schema";
import { lessonHref } from "@/lib/content/navigation";
import { ASSIGNMENT_SCOPE_LABELS, beijingDay, daysLeft, requirementOf, type AssignmentScope, type AssignmentState } from "@/lib/assignments/status";

// How a 学习任务 reads to people: Beijing dates in Chinese, days left, what it covers and where a
// learner continues. Pure, shared by the learner's home and the admin pages.

/** "12月10日" (with the year when it is not this Beijing year): a Beijing calendar day. */
export function formatBeijingDay(at: Date, now: Date = new Date()): string {
  const [year, month, date] = beijingDay(at).split("-").map(Number);
  const sameYear = beijingDay(now).slice(0, 4) === String(year);
  return `${sameYear ? "" : `${year}年`}${month}月${date}日`;
}

/** "还剩 3 天" / "今天截止" / "已逾期 2 天" / "12月1日开放"; null once completed. */
export function timeLeftText(assignment: { startsAt: Date; dueAt: Date }, state: Pick<AssignmentState, "status">, now: Date): string | null {
  if (state.status === "completed") return null;
  if (state.status === "upcoming") return `${formatBeijingDay(assignment.startsAt, now)}开放`;
  const days = daysLeft(assignment.dueAt, now);
  if (days < 0) return `已逾期 ${-days} 天`;
  return days === 0 ? "今天截止" : `还剩 ${days} 天`;
}

/** "整门课程" / "指定模块：模块 1 · …、模块 3 · …" / "结业考核". */
export function scopeText(assignment: { scope: AssignmentScope; moduleSlugs: readonly string[] }, course: Course): string {
  if (assignment.scope !== "modules") return ASSIGNMENT_SCOPE_LABELS[assignment.scope];
  const names = course.modules.filter((m) => assignment.moduleSlugs.includes(m.slug)).map((m) => `模块 ${m.order} · ${m.title}`);
  return `${ASSIGNMENT_SCOPE_LABELS.modules}：${names.join("、") || "（模块已不在课程中）"}`;
}

/**
 * Where the learner continues an assignment: its first unread lesson in reading order, then the
 * first of its module quizzes not yet submitted, then the 结业考核. Null when nothing is left.
 */
export function continueHref(
  assignment: { scope: AssignmentScope; moduleSlugs: readonly string[] },
  course: Course,
  completedLessons: ReadonlySet<string>,
  submittedQuizzes: ReadonlySet<string>,
  assessmentSubmitted: boolean,
): string | null {
  const requirement = requirementOf(assignment, course);
  const lessons = course.modules.flatMap((m) => m.lessons).filter((l) => requirement.lessonKeys.includes(l.key));
  const lesson = lessons.find((l) => !completedLessons.has(l.key));
  if (lesson) return lessonHref(lesson);
  const quiz = requirement.quizModules.find((slug) => !submittedQuizzes.has(slug));
  if (quiz) return `/modules/${quiz}/quiz`;
  return requirement.assessment && !assessmentSubmitted ? "/assessment" : null;
}
