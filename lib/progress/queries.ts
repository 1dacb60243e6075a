import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { writeBatch } from "@/lib/db-writes";
import { Prisma } from "@/lib/generated/prisma/client";
import { publicOrigin } from "@/lib/certificates/origin";
import { lessonStatementSql } from "@/lib/xapi/enqueue";
import { lessonCompleted } from "@/lib/xapi/statements";

// Every query is scoped to one userId, taken from the session by the caller, never from input.

/**
 * Every lesson key the learner completed. Raw SQL for decision 012's reason (Prisma 6.19 plans a
 * model query again on every call): this runs on every lesson view's state request (`GET /api/me`)
 * and every learner page. It reads only the unique index on ("userId", "lessonKey"), which holds
 * both columns: no table row is touched (decision 027).
 */
export async function getCompletedLessonKeys(userId: string): Promise<Set<string>> {
  const rows = await db.$queryRaw<{ lessonKey: string }[]>`
    SELECT "lessonKey" FROM "lesson_progress" WHERE "userId" = ${userId}`;
  return new Set(rows.map((row) => row.lessonKey));
}

export async function getLastActivity(userId: string): Promise<Date | null> {
  const row = await db.lessonProgress.findFirst({
    where: { userId },
    orderBy: { completedAt: "desc" },
    select: { completedAt: true },
  });
  return row?.completedAt ?? null;
}

/**
 * Idempotent: completing a lesson twice keeps the first completion time (and last activity).
 *
 * Portable SQL rather than `upsert` + `recordActivity`: Prisma 6.19 plans every model query again
 * in its WebAssembly compiler, which made this write ~3–5 ms of CPU against ~1 ms for the same
 * two statements here, and a completion has to fit in a few ms (BENCHMARKS.md, "Progress writes").
 * Same effect as before: the row only if it is new; then last activity (and updatedAt, as
 * Prisma's @updatedAt would) moved forward only if this call made the row, in one transaction
 * (writeBatch: on SQLite it neither blocks nor waits blocked for another worker, decision 028).
 */
export async function markLessonComplete(userId: string, lessonKey: string, moduleSlug: string, title?: string) {
  const completedAt = new Date();
  // Prisma's cuid() default is applied by its client, not by the database: a UUID instead.
  const id = randomUUID();
  await writeBatch([
    Prisma.sql`
      INSERT INTO "lesson_progress" ("id", "userId", "lessonKey", "moduleSlug", "completedAt")
      VALUES (${id}, ${userId}, ${lessonKey}, ${moduleSlug}, ${completedAt})
      ON CONFLICT ("userId", "lessonKey") DO NOTHING`,
    Prisma.sql`
      UPDATE "user" SET "lastActivityAt" = ${completedAt}, "updatedAt" = ${completedAt}
      WHERE "id" = ${userId}
        AND ("lastActivityAt" IS NULL OR "lastActivityAt" < ${completedAt})
        AND EXISTS (SELECT 1 FROM "lesson_progress" p WHERE p."id" = ${id})`,
    // Its xAPI statement, when an LRS is configured (decision 042).
    lessonStatementSql(userId, id, lessonCompleted(publicOrigin(), { key: lessonKey, moduleSlug, title }, completedAt)),
  ]);
}
