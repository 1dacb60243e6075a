import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { assignmentStates } from "@/lib/assignments/progress";
import { scopedUsersSql, type StaffScope } from "@/lib/auth/scope";
import { tasksByLearner } from "@/lib/assignments/summary";
import { departmentList } from "@/lib/departments/queries";
import { displayPath } from "@/lib/departments/tree";
import { departmentSubtreeSql } from "@/lib/admin/learner-sql";
import type { LearnerRow } from "@/lib/admin/rows";
import type { DashboardFilters } from "@/lib/admin/schema";

// The dashboard's organisation columns and filters (issue 16): each learner's department and
// 学习任务 status. A status is computed by the assignment rules in lib/assignments, not stored,
// so the 学习任务 filter first asks assignmentStates who matches, then the SQL keeps those ids.

const learnersSql = (filters: DashboardFilters, staff: StaffScope) =>
  Prisma.sql`u."role" = 'learner' AND ${scopedUsersSql(staff)} ${filters.dept ? departmentSubtreeSql(filters.dept) : Prisma.empty}`;

/** The learners the 学习任务 filters let through; undefined when neither filter is set. */
export async function taskFilterIds(filters: DashboardFilters, staff: StaffScope, now: Date): Promise<string[] | undefined> {
  if (!filters.task && !filters.assignment) return undefined;
  const pairs = await assignmentStates({ usersSql: learnersSql(filters, staff), assignmentIds: filters.assignment ? [filters.assignment] : undefined, now });
  const ids: string[] = [];
  for (const [userId, tasks] of tasksByLearner(pairs)) if (!filters.task || tasks.status === filters.task) ids.push(userId);
  return ids;
}

/** The rows with their department's full name and their 学习任务 (of the filtered assignment, if any). */
export async function withOrganisation(rows: LearnerRow[], filters: DashboardFilters, now: Date): Promise<LearnerRow[]> {
  if (!rows.length) return rows;
  const ids = rows.map((r) => r.id);
  const [departments, pairs] = await Promise.all([
    departmentList({ includeArchived: true }),
    assignmentStates({ usersSql: Prisma.sql`u."id" IN (${Prisma.join(ids)})`, assignmentIds: filters.assignment ? [filters.assignment] : undefined, now }),
  ]);
  const names = new Map(departments.map((d) => [d.id, displayPath(d.names)]));
  const tasks = tasksByLearner(pairs);
  return rows.map((r) => ({ ...r, department: r.departmentId ? (names.get(r.departmentId) ?? null) : null, tasks: tasks.get(r.id) ?? null }));
}
