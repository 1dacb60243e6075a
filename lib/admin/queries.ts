import "server-only";
import { containsText, db } from "@/lib/db";
import { toRecord, type AttemptRecord } from "@/lib/assessment/queries";
import { effectiveAttempt } from "@/lib/assessment/rules";
import type { Role } from "@/lib/auth/roles";
import { scopedUsers, type StaffScope } from "@/lib/auth/scope";
import { loadCourse } from "@/lib/content/load";
import { findModule, lessonSequence } from "@/lib/content/navigation";
import type { Course } from "@/lib/content/schema";
import { taskFilterIds, withOrganisation } from "@/lib/admin/organisation";
import { allSql, countSql, pageIdsSql, rowsSql, summarySql, type CourseScope } from "@/lib/admin/learner-sql";
import { toLearnerRow, toNumber, toSummary, type DashboardSummary, type LearnerRow, type RawLearnerRow } from "@/lib/admin/rows";
import { PAGE_SIZE, type DashboardFilters } from "@/lib/admin/schema";

function courseScope(course: Course, filters: DashboardFilters, staff: StaffScope, now: Date): CourseScope {
  const mod = filters.module ? findModule(course, filters.module) : undefined;
  return {
    lessonKeys: lessonSequence(course).map((l) => l.key),
    moduleLessonKeys: mod?.lessons.map((l) => l.key),
    now,
    staff,
  };
}

/** Best module-quiz score per module for these learners only, aggregated by the database. */
async function withQuizBest(rows: LearnerRow[]): Promise<LearnerRow[]> {
  if (!rows.length) return rows;
  const groups = await db.quizAttempt.groupBy({
    by: ["userId", "moduleSlug"],
    where: { userId: { in: rows.map((r) => r.id) } },
    _max: { score: true },
  });
  const byUser = new Map<string, Record<string, number>>();
  for (const g of groups) {
    if (g._max.score === null) continue;
    const best = byUser.get(g.userId) ?? {};
    best[g.moduleSlug] = g._max.score;
    byUser.set(g.userId, best);
  }
  return rows.map((r) => ({ ...r, quizBest: byUser.get(r.id) ?? {} }));
}

export type DashboardPage = { rows: LearnerRow[]; total: number; page: number; totalPages: number; pageSize: number };

/**
 * One page (PAGE_SIZE rows) of the learners `staff` may see matching `filters`, in the requested order. The first
 * statement computes only what the filters and the sort need, for every learner, and returns
 * the page's ids; the second computes every column for those 25 learners.
 */
export async function learnerDashboard(filters: DashboardFilters, staff: StaffScope, now = new Date()): Promise<DashboardPage> {
  const course = loadCourse();
  const scope = { ...courseScope(course, filters, staff, now), taskUserIds: await taskFilterIds(filters, staff, now) };
  const offset = (filters.page - 1) * PAGE_SIZE;
  const page = await db.$queryRaw<{ id: string; total: unknown }[]>(pageIdsSql(filters, scope, PAGE_SIZE, offset));
  let total = toNumber(page[0]?.total) ?? 0;
  // Past the last page there is no row to carry the count.
  if (!page.length && filters.page > 1) {
    const [row] = await db.$queryRaw<{ total: unknown }[]>(countSql(filters, scope));
    total = toNumber(row?.total) ?? 0;
  }
  const ids = page.map((r) => r.id);
  const raw = ids.length ? await db.$queryRaw<RawLearnerRow[]>(rowsSql(ids, scope)) : [];
  const byId = new Map(raw.map((r) => [r.id, toLearnerRow(r, scope.lessonKeys.length)]));
  const rows = await withOrganisation(await withQuizBest(ids.flatMap((id) => byId.get(id) ?? [])), filters, now);
  return { rows, total, page: filters.page, totalPages: Math.max(1, Math.ceil(total / PAGE_SIZE)), pageSize: PAGE_SIZE };
}

/** Summary figures over every learner `staff` may see matching `filters` (page ignored): one aggregate statement. */
export async function dashboardSummary(filters: DashboardFilters, staff: StaffScope, now = new Date()): Promise<DashboardSummary> {
  const scope = { ...courseScope(loadCourse(), filters, staff, now), taskUserIds: await taskFilterIds(filters, staff, now) };
  const [row] = await db.$queryRaw<Record<string, unknown>[]>(summarySql(filters, scope));
  return toSummary(row);
}

/**
 * Every learner matching `filters` (page ignored), in batches for the CSV export. The list is
 * read by one statement (a consistent snapshot; one small row per learner) and quiz scores are
 * added per batch, so the export never holds more than a batch of enriched rows.
 */
export async function* allLearners(filters: DashboardFilters, staff: StaffScope, batchSize = 500, now = new Date()): AsyncGenerator<LearnerRow[]> {
  const course = loadCourse();
  const scope = { ...courseScope(course, filters, staff, now), taskUserIds: await taskFilterIds(filters, staff, now) };
  const raw = await db.$queryRaw<RawLearnerRow[]>(allSql(filters, scope));
  for (let i = 0; i < raw.length; i += batchSize) {
    const rows = raw.slice(i, i + batchSize).map((r) => toLearnerRow(r, scope.lessonKeys.length));
    yield await withOrganisation(await withQuizBest(rows), filters, now);
  }
}

export type LearnerDetail = {
  user: { id: string; name: string; email: string; role: string; createdAt: Date };
  completed: Set<string>;
  completedAt: Map<string, Date>;
  quizzes: { id: string; moduleSlug: string; correct: number; total: number; score: number; submittedAt: Date }[];
  attempts: AttemptRecord[];
};

/**
 * Everything the learner page shows about one user; null when there is no such user or `staff`
 * may not see them (outside a department head's subtree reads exactly like a missing user).
 */
export async function learnerDetail(userId: string, staff: StaffScope): Promise<LearnerDetail | null> {
  const user = await db.user.findFirst({
    where: { id: userId, ...scopedUsers(staff) },
    select: { id: true, name: true, email: true, role: true, createdAt: true },
  });
  if (!user) return null;
  const [lessons, quizzes, attempts] = await Promise.all([
    db.lessonProgress.findMany({ where: { userId }, select: { lessonKey: true, completedAt: true } }),
    db.quizAttempt.findMany({
      where: { userId },
      orderBy: { submittedAt: "desc" },
      select: { id: true, moduleSlug: true, correct: true, total: true, score: true, submittedAt: true },
    }),
    db.assessmentAttempt.findMany({ where: { userId }, orderBy: { number: "asc" }, include: { answers: true } }),
  ]);
  return {
    user,
    completed: new Set(lessons.map((l) => l.lessonKey)),
    completedAt: new Map(lessons.map((l) => [l.lessonKey, l.completedAt])),
    quizzes,
    // An attempt whose time ran out unopened reads as submitted, as the learner sees it.
    attempts: attempts.map((a) => effectiveAttempt(toRecord(a))),
  };
}

export type UserSummary = { id: string; name: string; email: string; role: string };

/** Users whose name or email contains `q` (all users, newest first, when empty); at most `limit`. */
export async function searchUsers(q: string, limit = 50): Promise<{ users: UserAccess[]; total: number }> {
  const where = q ? { OR: [{ name: containsText(q) }, { email: containsText(q) }] } : {};
  const [users, total] = await Promise.all([
    db.user.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "asc" }], take: limit, select: { id: true, name: true, email: true, role: true, departmentId: true, canGrade: true } }),
    db.user.count({ where }),
  ]);
  return { users, total };
}

export type AccessChange = { role: Role; departmentId?: string | null; canGrade: boolean };
export type AccessResult = "ok" | "no-user" | "no-department" | "archived";

/**
 * Sets a user's role, department (undefined: unchanged; null: none) and 批阅权限, which only a
 * department head holds. A user may join an existing department that is not archived; one
 * already in an archived department may stay there.
 */
export async function setUserAccess(userId: string, change: AccessChange): Promise<AccessResult> {
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { departmentId: true } });
    if (!user) return "no-user";
    const departmentId = change.departmentId === undefined ? user.departmentId : change.departmentId;
    if (departmentId && departmentId !== user.departmentId) {
      const department = await tx.department.findUnique({ where: { id: departmentId }, select: { archivedAt: true } });
      if (!department) return "no-department";
      if (department.archivedAt) return "archived";
    }
    const canGrade = change.role === "dept_head" && change.canGrade;
    await tx.user.update({ where: { id: userId }, data: { role: change.role, departmentId, canGrade } });
    return "ok";
  });
}

export type UserAccess = UserSummary & { departmentId: string | null; canGrade: boolean };
