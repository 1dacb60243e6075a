import "server-only";
import { SAVE_GRACE_MS } from "@/lib/assessment/rules";
import { Prisma } from "@/lib/generated/prisma/client";
import { inIds } from "@/lib/db";
import { DEFAULT_FILTERS, type DashboardFilters } from "@/lib/admin/schema";
import { dayRange, scoreBounds } from "@/lib/admin/ranges";
import { scopedUsersSql, type StaffScope } from "@/lib/auth/scope";

// The dashboard's SQL: learners filtered, sorted and paged with every aggregate computed in the
// database (one pass for the page's ids and the count, one for the 25 rows' columns). It is raw
// SQL because filters and sorts are on per-learner aggregates (progress, the latest attempt)
// that Prisma's query API cannot filter or order by. Last activity is a column of the user
// (user.lastActivityAt, moved forward by every learner write), not an aggregate. Portable to
// PostgreSQL: quoted identifiers, standard functions only (COUNT/SUM/COALESCE/CASE/LOWER,
// ROW_NUMBER() OVER), CASE instead of NULLS LAST, LOWER() LIKE … ESCAPE instead of SQLite's
// case-blind LIKE, and only bound parameters for values. Column and direction fragments come
// from fixed tables below.

export type CourseScope = {
  /** Every lesson of the course (progress counts only these, not removed lessons). */
  lessonKeys: string[];
  /** Lessons of the module named by the `module` filter. */
  moduleLessonKeys?: string[];
  now: Date;
  /** Whose learners the asker may see (a department head: their subtree only). */
  staff: StaffScope;
  /** Learners the 学习任务 filters let through (lib/admin/organisation.ts); undefined: no such filter. */
  taskUserIds?: string[];
};

const inList = (values: string[]) => (values.length ? Prisma.sql`IN (${Prisma.join(values)})` : Prisma.sql`IN (NULL)`);

/** Escapes LIKE wildcards so a search for "50%" finds "50%", not everything. */
export function likePattern(q: string): string {
  return `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Per-learner values a statement may compute; each costs a pass over one table. */
type Need = "done" | "attempts" | "state" | "closed" | "module" | "queue";
const ALL: readonly Need[] = ["done", "attempts", "state", "closed", "module"];

/** What filtering and sorting need; the page's other columns are computed for its 25 rows only. */
function needsOf(filters: DashboardFilters): Need[] {
  const needs = new Set<Need>();
  if (filters.status) needs.add("state").add("closed");
  if (filters.min !== undefined || filters.max !== undefined || filters.sort === "score") needs.add("closed");
  if ((filters.from || filters.to) && filters.dateField === "submitted") needs.add("closed");
  if (filters.module) needs.add("module");
  if (filters.sort === "progress") needs.add("done");
  return [...needs];
}

function learnerCte(filters: DashboardFilters, scope: CourseScope, needs: readonly Need[], ids?: string[]): Prisma.Sql {
  const has = (need: Need) => needs.includes(need);
  // An attempt still open past its deadline (+ grace) is submitted on its next load: count it as closed.
  const cutoff = new Date(scope.now.getTime() - SAVE_GRACE_MS);
  const open = Prisma.sql`a."status" = 'in_progress' AND a."deadlineAt" > ${cutoff}`;
  // CASE … IN rather than WHERE … IN: one range scan of the learner's rows, not one probe per lesson.
  const countOf = (keys: string[]) =>
    Prisma.sql`(SELECT COALESCE(SUM(CASE WHEN p."lessonKey" ${inList(keys)} THEN 1 ELSE 0 END), 0) FROM "lesson_progress" p WHERE p."userId" = u."id")`;

  const base: Prisma.Sql[] = [
    Prisma.sql`u."id" AS id`,
    Prisma.sql`u."name" AS name`,
    Prisma.sql`u."email" AS email`,
    Prisma.sql`u."lastActivityAt" AS last_at`,
    Prisma.sql`u."departmentId" AS department_id`,
  ];
  const outer: Prisma.Sql[] = [Prisma.sql`b.*`];
  if (has("done")) base.push(Prisma.sql`${countOf(scope.lessonKeys)} AS done`);
  if (has("attempts")) base.push(Prisma.sql`(SELECT COUNT(*) FROM "assessment_attempt" a WHERE a."userId" = u."id") AS attempts`);
  if (has("state")) base.push(Prisma.sql`(SELECT COUNT(*) FROM "assessment_attempt" a WHERE a."userId" = u."id" AND ${open}) AS open_count`);
  if (has("queue")) {
    // The grading queue's two lists (lib/grading/queries.ts): waiting for a grader (submitted, or
    // its time ran out), and graded but held until release.
    base.push(Prisma.sql`(SELECT COALESCE(SUM(CASE WHEN a."status" = 'submitted' OR (a."status" = 'in_progress' AND a."deadlineAt" <= ${cutoff}) THEN 1 ELSE 0 END), 0)
      FROM "assessment_attempt" a WHERE a."userId" = u."id") AS waiting_count`);
    base.push(Prisma.sql`(SELECT COUNT(*) FROM "assessment_attempt" a WHERE a."userId" = u."id" AND a."status" = 'graded') AS held_count`);
  }
  if (has("closed")) {
    outer.push(Prisma.sql`s."number" AS exam_number, s."part1Score" AS part1, s."part2Score" AS part2, s."part3Score" AS part3,
      s."finalScore" AS final, COALESCE(s."submittedAt", s."deadlineAt") AS submitted_at, s."status" AS exam_status, s."outcome" AS exam_outcome`);
  }
  const moduleKeys = has("module") ? scope.moduleLessonKeys : undefined;
  if (moduleKeys) outer.push(Prisma.sql`COALESCE(m.n, 0) AS module_done`);
  if (has("state")) {
    outer.push(Prisma.sql`CASE WHEN b.open_count > 0 THEN 'in_progress'
        WHEN s."id" IS NULL THEN 'not_started'
        WHEN s."status" = 'released' AND s."outcome" IN ('failed', 'passed', 'certified') THEN s."outcome"
        ELSE 'pending' END AS state`);
  }
  const search = filters.q
    ? Prisma.sql`AND (LOWER(u."name") LIKE ${likePattern(filters.q)} ESCAPE '\\' OR LOWER(u."email") LIKE ${likePattern(filters.q)} ESCAPE '\\')`
    : Prisma.empty;
  const only = ids ? Prisma.sql`AND u."id" ${inList(ids)}` : Prisma.empty;
  const organisation = ids ? Prisma.empty : organisationCondition(filters, scope);
  // Each learner's latest closed attempt, numbered in one pass over assessment_attempt_dashboard_idx
  // (it holds every column read here: SQLite keeps the columns after the ~40 KB paper on its
  // overflow pages, which a lookup per learner would walk).
  const closed = has("closed")
    ? Prisma.sql`, closed AS (
    SELECT a."userId", a."id", a."number", a."status", a."outcome", a."part1Score", a."part2Score", a."part3Score",
      a."finalScore", a."submittedAt", a."deadlineAt", ROW_NUMBER() OVER (PARTITION BY a."userId" ORDER BY a."number" DESC) AS latest
    FROM "assessment_attempt" a WHERE NOT (${open}) ${ids ? Prisma.sql`AND a."userId" ${inList(ids)}` : Prisma.empty}
  )`
    : Prisma.empty;
  // Completed lessons of the filtered module per learner, from the module's rows of the
  // (lessonKey, userId) index, rather than every row of every learner.
  const moduleDone = moduleKeys
    ? Prisma.sql`, module_lessons AS (
    SELECT p."userId", COUNT(*) AS n FROM "lesson_progress" p
    WHERE p."lessonKey" ${inList(moduleKeys)} ${ids ? Prisma.sql`AND p."userId" ${inList(ids)}` : Prisma.empty} GROUP BY p."userId"
  )`
    : Prisma.empty;
  const joins = [
    has("closed") ? Prisma.sql`LEFT JOIN closed s ON s."userId" = b.id AND s.latest = 1` : Prisma.empty,
    moduleKeys ? Prisma.sql`LEFT JOIN module_lessons m ON m."userId" = b.id` : Prisma.empty,
  ];
  return Prisma.sql`WITH base AS (
    SELECT ${Prisma.join(base, ", ")} FROM "user" u WHERE u."role" = 'learner' AND ${scopedUsersSql(scope.staff)} ${search} ${only} ${organisation}
  )${closed}${moduleDone}, learner AS (
    SELECT ${Prisma.join(outer, ", ")} FROM base b ${Prisma.join(joins, " ")}
  )`;
}

/** The department (with its subtree) and 学习任务 filters, on the user row. */
function organisationCondition(filters: DashboardFilters, scope: CourseScope): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (filters.dept) parts.push(departmentSubtreeSql(filters.dept));
  if (scope.taskUserIds) parts.push(Prisma.sql`AND u."id" ${inIds(scope.taskUserIds)}`);
  return parts.length ? Prisma.join(parts, " ") : Prisma.empty;
}

/** AND: the user is in the department with this id or below it (a prefix range on department.path). */
export function departmentSubtreeSql(departmentId: string): Prisma.Sql {
  return Prisma.sql`AND u."departmentId" IN (SELECT d."id" FROM "department" d JOIN "department" top ON top."id" = ${departmentId} WHERE d."path" LIKE top."path" || '%')`;
}

function whereClause(filters: DashboardFilters, scope: CourseScope): Prisma.Sql {
  const conditions: Prisma.Sql[] = [];
  if (filters.status) conditions.push(Prisma.sql`state = ${filters.status}`);
  const { gte, lt } = scoreBounds(filters.min, filters.max);
  if (gte !== undefined) conditions.push(Prisma.sql`final >= ${gte}`);
  if (lt !== undefined) conditions.push(Prisma.sql`final < ${lt}`);
  const column = filters.dateField === "submitted" ? Prisma.sql`submitted_at` : Prisma.sql`last_at`;
  const { start, end } = dayRange(filters.from, filters.to);
  if (start) conditions.push(Prisma.sql`${column} >= ${start}`);
  if (end) conditions.push(Prisma.sql`${column} < ${end}`);
  if (scope.moduleLessonKeys) {
    const total = scope.moduleLessonKeys.length;
    conditions.push(filters.moduleState === "done" ? Prisma.sql`module_done >= ${total}` : Prisma.sql`module_done < ${total}`);
  }
  return conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
}

const SORT_COLUMNS = {
  name: Prisma.sql`name`,
  progress: Prisma.sql`done`,
  score: Prisma.sql`final`,
  activity: Prisma.sql`last_at`,
} as const;

function orderClause(filters: DashboardFilters): Prisma.Sql {
  const column = SORT_COLUMNS[filters.sort];
  const dir = filters.dir === "asc" ? Prisma.sql`ASC` : Prisma.sql`DESC`;
  // Learners without a value (no score, never active) go last in both directions; name, id keep pages stable.
  return Prisma.sql`ORDER BY CASE WHEN ${column} IS NULL THEN 1 ELSE 0 END, ${column} ${dir}, name ASC, id ASC`;
}

/** Ids of one page of learners, each row carrying the total match count. */
export function pageIdsSql(filters: DashboardFilters, scope: CourseScope, limit: number, offset: number): Prisma.Sql {
  return Prisma.sql`${learnerCte(filters, scope, needsOf(filters))}
    SELECT id, COUNT(*) OVER () AS total FROM learner ${whereClause(filters, scope)} ${orderClause(filters)}
    LIMIT ${limit} OFFSET ${offset}`;
}

export function countSql(filters: DashboardFilters, scope: CourseScope): Prisma.Sql {
  return Prisma.sql`${learnerCte(filters, scope, needsOf(filters))} SELECT COUNT(*) AS total FROM learner ${whereClause(filters, scope)}`;
}

const COLUMNS = Prisma.sql`id, name, email, department_id, done, attempts, exam_number, part1, part2, part3, final, submitted_at, last_at, state`;

/** Every column for the learners `ids` (a page), in no particular order. */
export function rowsSql(ids: string[], scope: CourseScope): Prisma.Sql {
  return Prisma.sql`${learnerCte({ ...DEFAULT_FILTERS }, scope, ALL, ids)} SELECT ${COLUMNS} FROM learner`;
}

/** Every matching learner with every column, in dashboard order (the CSV export). */
export function allSql(filters: DashboardFilters, scope: CourseScope): Prisma.Sql {
  return Prisma.sql`${learnerCte(filters, scope, ALL)}
    SELECT ${COLUMNS} FROM learner ${whereClause(filters, scope)} ${orderClause(filters)}`;
}

/**
 * The dashboard's summary figures over every learner matching `filters` (page ignored), in one
 * aggregate statement: per-learner values as the table computes them, summed by the database.
 * Pass and certificate counts are of learners whose latest submitted attempt is released.
 */
export function summarySql(filters: DashboardFilters, scope: CourseScope): Prisma.Sql {
  const needs = new Set<Need>([...needsOf(filters), "done", "closed", "queue"]);
  const lessons = scope.lessonKeys.length;
  const completed = lessons ? Prisma.sql`SUM(CASE WHEN done >= ${lessons} THEN 1 ELSE 0 END)` : Prisma.sql`0`;
  const released = Prisma.sql`exam_status = 'released'`;
  return Prisma.sql`${learnerCte(filters, scope, [...needs])}
    SELECT COUNT(*) AS learners, ${completed} AS completed,
      SUM(CASE WHEN exam_number IS NOT NULL THEN 1 ELSE 0 END) AS submitted,
      SUM(CASE WHEN ${released} THEN 1 ELSE 0 END) AS released,
      SUM(CASE WHEN ${released} AND exam_outcome IN ('passed', 'certified') THEN 1 ELSE 0 END) AS passed,
      SUM(CASE WHEN ${released} AND exam_outcome = 'certified' THEN 1 ELSE 0 END) AS certified,
      SUM(waiting_count) AS waiting, SUM(held_count) AS held, SUM(CASE WHEN waiting_count > 0 THEN 1 ELSE 0 END) AS waiting_learners
    FROM learner ${whereClause(filters, scope)}`;
}
