import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Course } from "@/lib/content/schema";

// 学习任务 states count lessons from module_progress, one row per learner and module kept by
// triggers on lesson_progress (decision 040), not from the lesson rows themselves. That summary
// counts every stored completion; the course may since have dropped or renamed a lesson, so
// completions of keys the course no longer has ("stray") are found and taken off here.

export const inList = (values: readonly string[]) => (values.length ? Prisma.sql`IN (${Prisma.join([...values])})` : Prisma.sql`IN (NULL)`);

/**
 * Per module set i, four columns on the learner's row: lessons completed (n<i>), the latest of
 * them (last<i>), module quizzes submitted (q<i>) and when the last of those modules first got
 * one (qlast<i>). `assigneeIds` is a subquery of the user ids to read.
 */
export function moduleSetColumns(sets: readonly string[][], assigneeIds: Prisma.Sql): { columns: Prisma.Sql; join: Prisma.Sql } {
  if (!sets.length) return { columns: Prisma.empty, join: Prisma.empty };
  const alias = (name: string, i: number) => Prisma.raw(`${name}${i}`); // fixed names, never input
  const inner = sets.flatMap((modules, i) => [
    Prisma.sql`SUM(CASE WHEN m."moduleSlug" ${inList(modules)} THEN m."lessonsDone" ELSE 0 END) AS ${alias("n", i)}`,
    Prisma.sql`MAX(CASE WHEN m."moduleSlug" ${inList(modules)} AND m."lessonsDone" > 0 THEN m."lastLessonAt" END) AS ${alias("last", i)}`,
    Prisma.sql`SUM(CASE WHEN m."moduleSlug" ${inList(modules)} AND m."firstQuizAt" IS NOT NULL THEN 1 ELSE 0 END) AS ${alias("q", i)}`,
    Prisma.sql`MAX(CASE WHEN m."moduleSlug" ${inList(modules)} THEN m."firstQuizAt" END) AS ${alias("qlast", i)}`,
  ]);
  const outer = sets.map((_, i) => Prisma.sql`s.${alias("n", i)}, s.${alias("last", i)}, s.${alias("q", i)}, s.${alias("qlast", i)}`);
  return {
    columns: Prisma.sql`, ${Prisma.join(outer, ", ")}`,
    join: Prisma.sql`LEFT JOIN (SELECT m."userId", ${Prisma.join(inner, ", ")}
      FROM "module_progress" m WHERE m."userId" IN ${assigneeIds} GROUP BY m."userId") s ON s."userId" = u."id"`,
  };
}

/** Stray completions per learner and module: empty (one index walk) while the content keeps every completed key. */
export async function strayCompletions(course: Course, assigneeIds: Prisma.Sql): Promise<Map<string, Map<string, number>>> {
  const known = new Set(course.modules.flatMap((mod) => mod.lessons.map((lesson) => lesson.key)));
  // The distinct keys ever completed, one index seek each (a loose index scan), not a row scan.
  const keys = await db.$queryRaw<{ key: string }[]>`WITH RECURSIVE k(key) AS (
      SELECT MIN("lessonKey") FROM "lesson_progress"
      UNION ALL SELECT (SELECT MIN(p."lessonKey") FROM "lesson_progress" p WHERE p."lessonKey" > k.key) FROM k WHERE k.key IS NOT NULL
    ) SELECT key FROM k WHERE key IS NOT NULL`;
  const stray = keys.map((row) => row.key).filter((key) => !known.has(key));
  const out = new Map<string, Map<string, number>>();
  if (!stray.length) return out;
  const rows = await db.$queryRaw<{ userId: string; moduleSlug: string; n: unknown }[]>`
    SELECT p."userId" AS "userId", p."moduleSlug" AS "moduleSlug", COUNT(*) AS n FROM "lesson_progress" p
    WHERE p."lessonKey" ${inList(stray)} AND p."userId" IN ${assigneeIds} GROUP BY p."userId", p."moduleSlug"`;
  for (const row of rows) {
    const modules = out.get(row.userId) ?? new Map<string, number>();
    modules.set(row.moduleSlug, Number(row.n));
    out.set(row.userId, modules);
  }
  return out;
}

/** A learner's stray completions in these modules. */
export function strayIn(stray: Map<string, Map<string, number>>, userId: string, modules: readonly string[]): number {
  const counts = stray.get(userId);
  return counts ? modules.reduce((sum, slug) => sum + (counts.get(slug) ?? 0), 0) : 0;
}
