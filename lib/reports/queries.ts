import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { SAVE_GRACE_MS } from "@/lib/assessment/rules";
import { activeAssignments, assignmentStates, type ActiveAssignment } from "@/lib/assignments/progress";
import { tasksByLearner } from "@/lib/assignments/summary";
import { inScope, scopedUsers, scopedUsersSql, type StaffScope } from "@/lib/auth/scope";
import { departmentList } from "@/lib/departments/queries";
import { inSubtree } from "@/lib/departments/tree";
import { toNumber } from "@/lib/admin/rows";
import { addLearner, emptyTotals, rollUp, type LearnerFacts, type ReportRow, type Totals } from "@/lib/reports/rollup";
import type { ReportFilters } from "@/lib/reports/schema";

// The department report (decision 033): two reads whatever the number of learners — every
// learner's latest closed 结业考核 in one statement, and their 学习任务 states through
// assignmentStates — then the roll-up in memory (departments number in the hundreds at most).

type ExamRow = { id: string; dept: string | null; status: string | null; outcome: string | null; final: unknown; part1: unknown; part2: unknown; part3: unknown };

/** Each learner in `usersSql` with their latest closed attempt (none: status null). */
function examRows(usersSql: Prisma.Sql, now: Date) {
  // An attempt still open past its deadline (+ grace) is submitted on its next load: count it as closed.
  const cutoff = new Date(now.getTime() - SAVE_GRACE_MS);
  return db.$queryRaw<ExamRow[]>`WITH closed AS (
      SELECT a."userId", a."status", a."outcome", a."finalScore", a."part1Score", a."part2Score", a."part3Score",
        ROW_NUMBER() OVER (PARTITION BY a."userId" ORDER BY a."number" DESC) AS latest
      FROM "assessment_attempt" a WHERE NOT (a."status" = 'in_progress' AND a."deadlineAt" > ${cutoff})
    )
    SELECT u."id" AS id, u."departmentId" AS dept, s."status" AS status, s."outcome" AS outcome,
      s."finalScore" AS final, s."part1Score" AS part1, s."part2Score" AS part2, s."part3Score" AS part3
    FROM "user" u LEFT JOIN closed s ON s."userId" = u."id" AND s.latest = 1
    WHERE u."role" = 'learner' AND ${usersSql}`;
}

export type DepartmentReport = {
  rows: ReportRow[];
  /** The department the report starts from (the filter), when it is in scope. */
  focus: { id: string; names: string[] } | null;
  assignment: { id: string; title: string } | null;
  notes: string[];
};

export async function departmentReport(scope: StaffScope, filters: ReportFilters, now = new Date()): Promise<DepartmentReport> {
  const notes: string[] = [];
  const all = (await departmentList({ includeArchived: true })).filter((d) => inScope(scope, d.path));
  const focusNode = filters.department ? all.find((d) => d.id === filters.department) : undefined;
  if (filters.department && !focusNode) notes.push("所选部门不存在或不在你的查看范围内，已显示全部部门。");
  const departments = focusNode ? all.filter((d) => inSubtree(d.path, focusNode.path)) : all;

  const [assignment] = filters.assignment ? await reachingScope(await activeAssignments([filters.assignment]), scope) : [];
  if (filters.assignment && !assignment) notes.push("所选学习任务不存在、已归档或不在你的查看范围内，已显示全部学习任务。");

  const scopeSql = scopedUsersSql(scope);
  const usersSql = focusNode
    ? Prisma.sql`${scopeSql} AND u."departmentId" IN (SELECT d."id" FROM "department" d WHERE d."path" LIKE ${`${focusNode.path}%`})`
    : scopeSql;
  const [exams, pairs] = await Promise.all([
    examRows(usersSql, now),
    assignmentStates({ usersSql: Prisma.sql`u."role" = 'learner' AND ${usersSql}`, assignmentIds: assignment ? [assignment.id] : undefined, now }),
  ]);
  const tasks = tasksByLearner(pairs);

  const byDepartment = new Map<string | null, Totals>();
  for (const row of exams) {
    const learnerTasks = tasks.get(row.id) ?? null;
    // With a 学习任务 chosen, the report is about the people it reaches.
    if (assignment && !learnerTasks) continue;
    const released = row.status === "released";
    const facts: LearnerFacts = {
      departmentId: row.dept,
      tasks: learnerTasks,
      submitted: row.status !== null,
      released: released ? { outcome: row.outcome, final: toNumber(row.final), part1: toNumber(row.part1), part2: toNumber(row.part2), part3: toNumber(row.part3) } : null,
    };
    const totals = byDepartment.get(row.dept) ?? emptyTotals();
    addLearner(totals, facts);
    byDepartment.set(row.dept, totals);
  }
  return {
    rows: rollUp(departments, byDepartment, scope.kind === "all" && !focusNode),
    focus: focusNode ? { id: focusNode.id, names: focusNode.names } : null,
    assignment: assignment ? { id: assignment.id, title: assignment.title } : null,
    notes,
  };
}

/**
 * The 学习任务 a report or the dashboard can be narrowed to (not archived), due date first. A
 * 部门负责人 sees only those that reach their subtree: aimed at a department in it or above it,
 * or naming someone in it.
 */
export async function reportAssignments(scope: StaffScope): Promise<{ id: string; title: string }[]> {
  const assignments = await activeAssignments();
  const visible = scope.kind === "all" ? assignments : await reachingScope(assignments, scope);
  return visible.map(({ id, title }) => ({ id, title }));
}

async function reachingScope(assignments: ActiveAssignment[], scope: StaffScope): Promise<ActiveAssignment[]> {
  if (scope.kind === "all") return assignments;
  const root = scope.path;
  if (!root) return [];
  const pathOf = new Map((await departmentList({ includeArchived: true })).map((d) => [d.id, d.path]));
  const named = [...new Set(assignments.flatMap((a) => a.userIds))];
  const namedInScope = new Set(
    (await db.user.findMany({ where: { AND: [{ id: { in: named } }, scopedUsers(scope)] }, select: { id: true } })).map((u) => u.id),
  );
  const reaches = (departmentId: string) => {
    const path = pathOf.get(departmentId);
    return path !== undefined && (inSubtree(path, root) || inSubtree(root, path));
  };
  return assignments.filter((a) => a.userIds.some((id) => namedInScope.has(id)) || a.departmentIds.some(reaches));
}
