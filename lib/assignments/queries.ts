import "server-only";
import { randomUUID } from "node:crypto";
import { containsText, db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { loadCourse } from "@/lib/content/load";
import type { Course } from "@/lib/content/schema";
import { departmentList } from "@/lib/departments/queries";
import { displayPath } from "@/lib/departments/tree";
import { assignmentStates, type LearnerAssignmentState } from "@/lib/assignments/progress";
import { storedModuleSlugs, storedScope, endOfBeijingDay, startOfBeijingDay, type AssignmentScope, type AssignmentStatus } from "@/lib/assignments/status";
import type { AssignmentInput } from "@/lib/assignments/schema";

// Defining 学习任务 (admin): list, detail, create, edit, archive. Who is reached and where each
// stands comes from progress.ts (assignmentStates); this file only reads and writes definitions.

type Tx = Prisma.TransactionClient;

/** Roles an assignment can reach (progress.ts counts only these). */
const ASSIGNEE_ROLES = ["learner", "dept_head"];

export type WriteResult = { ok: true; id: string } | { ok: false; message: string };

export type AssignmentTargetView = { departments: { id: string; name: string }[]; people: { id: string; name: string; email: string }[] };

export type AssignmentSummary = {
  id: string;
  title: string;
  scope: AssignmentScope;
  moduleSlugs: string[];
  startsAt: Date;
  dueAt: Date;
  archivedAt: Date | null;
  targets: AssignmentTargetView;
  counts: { assigned: number; completed: number; overdue: number } | null; // null when archived
};


const definitionSelect = {
  id: true,
  title: true,
  scope: true,
  moduleSlugs: true,
  startsAt: true,
  dueAt: true,
  archivedAt: true,
  targets: { select: { departmentId: true, user: { select: { id: true, name: true, email: true } } } },
} as const;

type DefinitionRow = Prisma.AssignmentGetPayload<{ select: typeof definitionSelect }>;

async function departmentNames(): Promise<Map<string, string>> {
  return new Map((await departmentList({ includeArchived: true })).map((d) => [d.id, displayPath(d.names)]));
}

function toSummary(row: DefinitionRow, names: Map<string, string>, states: readonly LearnerAssignmentState[] | null): AssignmentSummary {
  return {
    id: row.id,
    title: row.title,
    scope: storedScope(row.scope),
    moduleSlugs: storedModuleSlugs(row.moduleSlugs),
    startsAt: row.startsAt,
    dueAt: row.dueAt,
    archivedAt: row.archivedAt,
    targets: {
      departments: row.targets.flatMap((t) => (t.departmentId ? [{ id: t.departmentId, name: names.get(t.departmentId) ?? "（已删除的部门）" }] : [])),
      people: row.targets.flatMap((t) => (t.user ? [t.user] : [])),
    },
    counts: states
      ? {
          assigned: states.length,
          completed: states.filter((s) => s.state.status === "completed").length,
          overdue: states.filter((s) => s.state.status === "overdue").length,
        }
      : null,
  };
}

/** Every assignment (open ones first by due date, then archived ones), with its targets and counts. */
export async function assignmentList(now = new Date()): Promise<AssignmentSummary[]> {
  const [rows, names, states] = await Promise.all([
    db.assignment.findMany({ select: definitionSelect, orderBy: [{ archivedAt: { sort: "asc", nulls: "first" } }, { dueAt: "asc" }, { id: "asc" }] }),
    departmentNames(),
    assignmentStates({ now }),
  ]);
  const byAssignment = new Map<string, LearnerAssignmentState[]>();
  for (const s of states) byAssignment.set(s.assignment.id, [...(byAssignment.get(s.assignment.id) ?? []), s]);
  return rows.map((row) => toSummary(row, names, row.archivedAt ? null : (byAssignment.get(row.id) ?? [])));
}

/** One assignment's definition and targets (the edit form), without counting anyone's progress. */
export async function assignmentDefinition(id: string): Promise<AssignmentSummary | null> {
  const [row, names] = await Promise.all([db.assignment.findUnique({ where: { id }, select: definitionSelect }), departmentNames()]);
  return row ? toSummary(row, names, null) : null;
}

export type AssigneeRow = { userId: string; name: string; email: string; department: string | null; status: AssignmentStatus; done: number; total: number; late: boolean };

/**
 * One assignment with the people it reaches (`status` narrows them), worst first: overdue, not
 * started, in progress, upcoming, completed; at most `limit` people with names.
 */
export async function assignmentDetail(id: string, options: { status?: AssignmentStatus; limit?: number; now?: Date } = {}) {
  const [row, names] = await Promise.all([db.assignment.findUnique({ where: { id }, select: definitionSelect }), departmentNames()]);
  if (!row) return null;
  const states = row.archivedAt ? null : await assignmentStates({ assignmentIds: [id], now: options.now });
  const summary = toSummary(row, names, states);
  const order: AssignmentStatus[] = ["overdue", "not_started", "in_progress", "upcoming", "completed"];
  const shown = (states ?? [])
    .filter((s) => !options.status || s.state.status === options.status)
    .sort((a, b) => order.indexOf(a.state.status) - order.indexOf(b.state.status))
    .slice(0, options.limit ?? 200);
  const users = await db.user.findMany({ where: { id: { in: shown.map((s) => s.userId) } }, select: { id: true, name: true, email: true } });
  const byId = new Map(users.map((u) => [u.id, u]));
  const people: AssigneeRow[] = shown.map((s) => ({
    userId: s.userId,
    name: byId.get(s.userId)?.name ?? "",
    email: byId.get(s.userId)?.email ?? "",
    department: s.departmentId ? (names.get(s.departmentId) ?? null) : null,
    status: s.state.status,
    done: s.state.done,
    total: s.state.total,
    late: s.state.late,
  }));
  const matching = states ? states.filter((s) => !options.status || s.state.status === options.status).length : 0;
  return { assignment: summary, people, matching };
}

/** Learners (and department heads) whose name or email contains `q`: the form's people search. */
export async function searchAssignees(q: string, limit = 20) {
  const [rows, names] = await Promise.all([
    db.user.findMany({
      where: { role: { in: ASSIGNEE_ROLES }, OR: [{ name: containsText(q) }, { email: containsText(q) }] },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      take: limit,
      select: { id: true, name: true, email: true, departmentId: true },
    }),
    departmentNames(),
  ]);
  return rows.map((u) => ({ id: u.id, name: u.name, email: u.email, department: u.departmentId ? (names.get(u.departmentId) ?? null) : null }));
}

/** Why the targets and modules of `input` cannot be saved (zh-CN), or null when they can. */
async function refusal(tx: Tx, input: AssignmentInput, course: Course): Promise<string | null> {
  const slugs = new Set(course.modules.map((m) => m.slug));
  if (input.moduleSlugs.some((slug) => !slugs.has(slug))) return "所选模块不是本课程的模块，请刷新页面后重新选择。";
  if (input.departmentIds.length) {
    const found = await tx.department.findMany({ where: { id: { in: input.departmentIds } }, select: { id: true, archivedAt: true } });
    if (found.length !== input.departmentIds.length) return "所选部门不存在，可能已被删除。请刷新页面后重新选择。";
    if (found.some((d) => d.archivedAt)) return "所选部门中有已归档的部门，不能指派学习任务。";
  }
  if (input.userIds.length) {
    const found = await tx.user.findMany({ where: { id: { in: input.userIds } }, select: { id: true, name: true, role: true } });
    if (found.length !== input.userIds.length) return "所选学员不存在，可能已被删除。请刷新页面后重新选择。";
    const staff = found.find((u) => !ASSIGNEE_ROLES.includes(u.role));
    if (staff) return `「${staff.name}」是讲师或管理员，学习任务只能指派给学员和部门负责人。`;
  }
  return null;
}

function definitionData(input: AssignmentInput) {
  return {
    title: input.title,
    scope: input.scope,
    moduleSlugs: input.moduleSlugs.join(","),
    startsAt: startOfBeijingDay(input.startDate),
    dueAt: endOfBeijingDay(input.dueDate),
  };
}

const targetRows = (assignmentId: string, input: AssignmentInput) => [
  ...input.departmentIds.map((departmentId) => ({ id: randomUUID(), assignmentId, departmentId, userId: null })),
  ...input.userIds.map((userId) => ({ id: randomUUID(), assignmentId, departmentId: null, userId })),
];

export async function createAssignment(input: AssignmentInput, createdById: string, course = loadCourse()): Promise<WriteResult> {
  return db.$transaction(async (tx) => {
    const refused = await refusal(tx, input, course);
    if (refused) return { ok: false, message: refused };
    const id = randomUUID();
    await tx.assignment.create({ data: { id, ...definitionData(input), createdById } });
    await tx.assignmentTarget.createMany({ data: targetRows(id, input) });
    return { ok: true, id };
  });
}

/** Rewrites an open assignment's definition and targets (progress is never stored with it). */
export async function updateAssignment(id: string, input: AssignmentInput, course = loadCourse()): Promise<WriteResult> {
  return db.$transaction(async (tx) => {
    const existing = await tx.assignment.findUnique({ where: { id }, select: { archivedAt: true } });
    if (!existing) return { ok: false, message: "学习任务不存在，可能已被删除。请刷新页面。" };
    if (existing.archivedAt) return { ok: false, message: "该学习任务已归档，恢复后才能修改。" };
    const refused = await refusal(tx, input, course);
    if (refused) return { ok: false, message: refused };
    await tx.assignment.update({ where: { id }, data: definitionData(input) });
    await tx.assignmentTarget.deleteMany({ where: { assignmentId: id } });
    await tx.assignmentTarget.createMany({ data: targetRows(id, input) });
    return { ok: true, id };
  });
}

/** Archives (hides from learners, reports and reminders) or restores an assignment; false when there is none. */
export async function setAssignmentArchived(id: string, archived: boolean): Promise<boolean> {
  const { count } = await db.assignment.updateMany({ where: { id }, data: { archivedAt: archived ? new Date() : null } });
  return count === 1;
}
