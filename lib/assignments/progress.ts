import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { SAVE_GRACE_MS } from "@/lib/assessment/rules";
import { loadCourse } from "@/lib/content/load";
import type { Course } from "@/lib/content/schema";
import { inSubtree } from "@/lib/departments/tree";
import { inList, moduleSetColumns, strayCompletions, strayIn } from "@/lib/assignments/module-progress";
import { storedModuleSlugs, storedScope, assignmentState, requirementOf, type AssignmentScope, type AssignmentState, type Requirement, type RequirementProgress } from "@/lib/assignments/status";

// Where many learners stand in their 学习任务, in one statement whatever their number: the
// assigned people with their lessons, quizzes and 结业考核 counted in the database.
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
    scope: storedScope(row.scope),
    moduleSlugs: storedModuleSlugs(row.moduleSlugs),
    startsAt: row.startsAt,
    dueAt: row.dueAt,
    departmentIds: row.targets.flatMap((target) => (target.departmentId ? [target.departmentId] : [])),
    userIds: row.targets.flatMap((target) => (target.userId ? [target.userId] : [])),
  }));
}

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

  // The module sets the assignments ask (the course, chosen modules), each summed per learner
  // in the database from module_progress (one row per learner and module, decision 040).
  const requirements = new Map(assignments.map((a) => [a.id, requirementOf(a, course)]));
  const sets = [...new Map([...requirements.values()].filter((r) => r.quizModules.length).map((r) => [r.quizModules.join(","), r.quizModules])).values()];
  const setIndex = new Map(sets.map((modules, i) => [modules.join(","), i]));
  const cutoff = new Date(now.getTime() - SAVE_GRACE_MS);
  const assigneeIds = Prisma.sql`(SELECT u."id" FROM "user" u WHERE ${assigneeSql})`;
  const { columns: outerColumns, join: modulesJoin } = moduleSetColumns(sets, assigneeIds);
  const stray = await strayCompletions(course, assigneeIds);
  // An attempt still open past its deadline (+ grace) is submitted on its next load: count it at its deadline.
  const rows = await db.$queryRaw<Record<string, unknown>[]>`
    SELECT u."id" AS id, u."departmentId" AS "departmentId", e.attempts AS attempts, e.submitted AS submitted
      ${outerColumns}
    FROM "user" u
    ${modulesJoin}
    LEFT JOIN (SELECT a."userId", COUNT(*) AS attempts,
        MIN(CASE WHEN a."submittedAt" IS NOT NULL THEN a."submittedAt" WHEN a."deadlineAt" < ${cutoff} THEN a."deadlineAt" END) AS submitted
      FROM "assessment_attempt" a WHERE a."userId" IN ${assigneeIds} GROUP BY a."userId") e ON e."userId" = u."id"
    WHERE ${assigneeSql}`;
  if (!rows.length) return [];

  // Per assignment, every department it reaches and the people it names: one lookup per pair.
  const reach = new Map(assignments.map((a) => {
    const roots = a.departmentIds.flatMap((id) => (pathOf.has(id) ? [pathOf.get(id)!] : []));
    const departmentsReached = new Set(departments.filter((d) => roots.some((root) => inSubtree(d.path, root))).map((d) => d.id));
    return [a.id, { departments: departmentsReached, users: new Set(a.userIds) }];
  }));
  const reachedBy = (assignment: ActiveAssignment, user: Assignee) => {
    const { departments: reached, users } = reach.get(assignment.id)!;
    return users.has(user.id) || (user.departmentId !== null && reached.has(user.departmentId));
  };
  const count = (value: unknown) => (value === null || value === undefined ? 0 : Number(value));
  const progressOf = (row: Record<string, unknown>, requirement: Requirement): RequirementProgress => {
    const i = setIndex.get(requirement.quizModules.join(","));
    const started = count(row.attempts) > 0;
    const submitted = toDate(row.submitted);
    if (i === undefined) return { lessonsDone: 0, lastLessonAt: null, quizzesDone: 0, lastQuizAt: null, assessmentSubmittedAt: submitted, assessmentStarted: started };
    return {
      lessonsDone: count(row[`n${i}`]) - strayIn(stray, String(row.id), requirement.quizModules),
      lastLessonAt: toDate(row[`last${i}`]),
      quizzesDone: count(row[`q${i}`]),
      lastQuizAt: toDate(row[`qlast${i}`]),
      assessmentSubmittedAt: submitted,
      assessmentStarted: started,
    };
  };

  const sorted = [...rows].sort((a, b) => (String(a.id) < String(b.id) ? -1 : String(a.id) > String(b.id) ? 1 : 0));
  const out: LearnerAssignmentState[] = [];
  for (const assignment of assignments) {
    const requirement = requirements.get(assignment.id)!;
    for (const row of sorted) {
      const user: Assignee = { id: String(row.id), departmentId: (row.departmentId as string | null) ?? null };
      if (!reachedBy(assignment, user)) continue;
      out.push({ userId: user.id, departmentId: user.departmentId, assignment, state: assignmentState(assignment, requirement, progressOf(row, requirement), now) });
    }
  }
  return out;
}

/** One learner's assignments and where they stand, due date first (the learner's home). */
export async function assignmentsOfLearner(userId: string, now = new Date()): Promise<LearnerAssignmentState[]> {
  return assignmentStates({ usersSql: Prisma.sql`u."id" = ${userId}`, now });
}
