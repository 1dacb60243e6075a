import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { SAVE_GRACE_MS } from "@/lib/assessment/rules";
import { loadCourse } from "@/lib/content/load";
import type { Course } from "@/lib/content/schema";
import { inSubtree } from "@/lib/departments/tree";
import { ASSIGNMENT_SCOPES, assignmentState, requirementOf, type AssignmentScope, type AssignmentState, type RequirementProgress } from "@/lib/assignments/status";

// Where many learners stand in their 学习任务, in four statements whatever their number: the
// assigned people, then their lessons, quizzes and 结业考核 counted per module in the database.
// The rules themselves are in status.ts. Everyone who reads assignment states (the learner's
// home, the dashboard, reports, reminders) comes through `assignmentStates`.

export type ActiveAssignment = {
  id: string;
  title: string;
  scope: AssignmentScope;
  moduleSlugs: string[];
  startsAt: Date;
  dueAt: Date;
  departmentIds: string[];
  userIds: string[];
};

export type LearnerAssignmentState = { userId: string; departmentId: string | null; assignment: ActiveAssignment; state: AssignmentState };

const parseScope = (scope: string): AssignmentScope => (ASSIGNMENT_SCOPES as readonly string[]).includes(scope) ? (scope as AssignmentScope) : "course";

/** Assignments not archived (optionally only these ids), with their targets. */
export async function activeAssignments(ids?: readonly string[]): Promise<ActiveAssignment[]> {
  const rows = await db.assignment.findMany({
    where: { archivedAt: null, ...(ids ? { id: { in: [...ids] } } : {}) },
    select: { id: true, title: true, scope: true, moduleSlugs: true, startsAt: true, dueAt: true, targets: { select: { departmentId: true, userId: true } } },
    orderBy: [{ dueAt: "asc" }, { id: "asc" }],
  });
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    scope: parseScope(row.scope),
    moduleSlugs: row.moduleSlugs ? row.moduleSlugs.split(",") : [],
    startsAt: row.startsAt,
    dueAt: row.dueAt,
    departmentIds: row.targets.flatMap((target) => (target.departmentId ? [target.departmentId] : [])),
    userIds: row.targets.flatMap((target) => (target.userId ? [target.userId] : [])),
  }));
}

const inList = (values: readonly string[]) => (values.length ? Prisma.sql`IN (${Prisma.join([...values])})` : Prisma.sql`IN (NULL)`);

// SQLite hands DateTime columns to raw queries as stored (ISO text or epoch ms), PostgreSQL as Date.
const toDate = (value: unknown): Date | null =>
  value === null || value === undefined ? null : value instanceof Date ? value : new Date(typeof value === "string" && /^\d+$/.test(value) ? Number(value) : (value as string | number));

type Assignee = { id: string; departmentId: string | null };

/**
 * The states of every (learner, assignment) pair where the learner matches `usersSql` (a raw
 * condition on the user table aliased `u`, e.g. `scopedUsersSql(scope)`) and the assignment
 * targets them: directly, or through their department or any department above it. Trainers and
 * admins are never assignees. Pairs come in assignment order (due date first), then user id.
 */
export async function assignmentStates(options: { usersSql?: Prisma.Sql; assignmentIds?: readonly string[]; now?: Date; course?: Course }): Promise<LearnerAssignmentState[]> {
  const now = options.now ?? new Date();
  const assignments = await activeAssignments(options.assignmentIds);
  if (!assignments.length) return [];
  const course = options.course ?? loadCourse();

  const departments = await db.department.findMany({ select: { id: true, path: true } });
  const pathOf = new Map(departments.map((d) => [d.id, d.path]));
  // Every department an assignment reaches (targets and everything below them), for the SQL filter.
  const targetPaths = [...new Set(assignments.flatMap((a) => a.departmentIds))].flatMap((id) => (pathOf.has(id) ? [pathOf.get(id)!] : []));
  const reachedDepartments = departments.filter((d) => targetPaths.some((path) => inSubtree(d.path, path))).map((d) => d.id);
  const directUsers = [...new Set(assignments.flatMap((a) => a.userIds))];

  const assigneeSql = Prisma.sql`u."role" IN ('learner', 'dept_head') AND (${options.usersSql ?? Prisma.sql`1 = 1`})
    AND (u."departmentId" ${inList(reachedDepartments)} OR u."id" ${inList(directUsers)})`;
  const assignees = await db.$queryRaw<Assignee[]>`SELECT u."id" AS id, u."departmentId" AS "departmentId" FROM "user" u WHERE ${assigneeSql}`;
  if (!assignees.length) return [];

  const lessonKeys = course.modules.flatMap((mod) => mod.lessons.map((lesson) => lesson.key));
  const cutoff = new Date(now.getTime() - SAVE_GRACE_MS);
  const assigneeIds = Prisma.sql`(SELECT u."id" FROM "user" u WHERE ${assigneeSql})`;
  const [lessonRows, quizRows, examRows] = await Promise.all([
    db.$queryRaw<{ userId: string; moduleSlug: string; n: bigint | number; last: unknown }[]>`
      SELECT p."userId" AS "userId", p."moduleSlug" AS "moduleSlug", COUNT(*) AS n, MAX(p."completedAt") AS last
      FROM "lesson_progress" p WHERE p."userId" IN ${assigneeIds} AND p."lessonKey" ${inList(lessonKeys)}
      GROUP BY p."userId", p."moduleSlug"`,
    db.$queryRaw<{ userId: string; moduleSlug: string; first: unknown }[]>`
      SELECT q."userId" AS "userId", q."moduleSlug" AS "moduleSlug", MIN(q."submittedAt") AS first
      FROM "quiz_attempt" q WHERE q."userId" IN ${assigneeIds}
      GROUP BY q."userId", q."moduleSlug"`,
    // An attempt still open past its deadline (+ grace) is submitted on its next load: count it at its deadline.
    db.$queryRaw<{ userId: string; submitted: unknown }[]>`
      SELECT a."userId" AS "userId",
             MIN(CASE WHEN a."submittedAt" IS NOT NULL THEN a."submittedAt" WHEN a."deadlineAt" < ${cutoff} THEN a."deadlineAt" END) AS submitted
      FROM "assessment_attempt" a WHERE a."userId" IN ${assigneeIds}
      GROUP BY a."userId"`,
  ]);

  const lessons = new Map<string, Map<string, { n: number; last: Date | null }>>();
  for (const row of lessonRows) {
    const byModule = lessons.get(row.userId) ?? new Map();
    byModule.set(row.moduleSlug, { n: Number(row.n), last: toDate(row.last) });
    lessons.set(row.userId, byModule);
  }
  const quizzes = new Map<string, Map<string, Date | null>>();
  for (const row of quizRows) {
    const byModule = quizzes.get(row.userId) ?? new Map();
    byModule.set(row.moduleSlug, toDate(row.first));
    quizzes.set(row.userId, byModule);
  }
  const exams = new Map(examRows.map((row) => [row.userId, toDate(row.submitted)]));

  const requirements = new Map(assignments.map((a) => [a.id, requirementOf(a, course)]));
  const reachedBy = (assignment: ActiveAssignment, user: Assignee) => {
    if (assignment.userIds.includes(user.id)) return true;
    const path = user.departmentId ? pathOf.get(user.departmentId) : undefined;
    return Boolean(path && assignment.departmentIds.some((id) => pathOf.has(id) && inSubtree(path, pathOf.get(id)!)));
  };

  const sorted = [...assignees].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const out: LearnerAssignmentState[] = [];
  for (const assignment of assignments) {
    const requirement = requirements.get(assignment.id)!;
    for (const user of sorted) {
      if (!reachedBy(assignment, user)) continue;
      const progress = progressOf(requirement.quizModules, lessons.get(user.id), quizzes.get(user.id), exams.has(user.id), exams.get(user.id) ?? null);
      out.push({ userId: user.id, departmentId: user.departmentId, assignment, state: assignmentState(assignment, requirement, progress, now) });
    }
  }
  return out;
}

function progressOf(
  modules: readonly string[],
  lessons: Map<string, { n: number; last: Date | null }> | undefined,
  quizzes: Map<string, Date | null> | undefined,
  assessmentStarted: boolean,
  assessmentSubmittedAt: Date | null,
): RequirementProgress {
  const progress: RequirementProgress = { lessonsDone: 0, lastLessonAt: null, quizzesDone: 0, lastQuizAt: null, assessmentSubmittedAt, assessmentStarted };
  for (const slug of modules) {
    const done = lessons?.get(slug);
    if (done) {
      progress.lessonsDone += done.n;
      if (done.last && (!progress.lastLessonAt || done.last > progress.lastLessonAt)) progress.lastLessonAt = done.last;
    }
    if (quizzes?.has(slug)) {
      progress.quizzesDone += 1;
      const at = quizzes.get(slug) ?? null;
      if (at && (!progress.lastQuizAt || at > progress.lastQuizAt)) progress.lastQuizAt = at;
    }
  }
  return progress;
}

/** One learner's assignments and where they stand, due date first (the learner's home). */
export async function assignmentsOfLearner(userId: string, now = new Date()): Promise<LearnerAssignmentState[]> {
  return assignmentStates({ usersSql: Prisma.sql`u."id" = ${userId}`, now });
}
