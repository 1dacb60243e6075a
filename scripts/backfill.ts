// One-time back-fills for data written before a table or column existed, run by prepare-db after
// every `prisma migrate deploy`. Each finds only what is missing, so it costs a few index probes
// when there is nothing to do and is safe to run again (or after an interrupted run).
//
// Like the cohort seeder, this is a bulk path around Prisma (its query compiler takes ~0.7 ms per
// created row, minutes for an existing cohort's ~650,000 item rows), in SQL that runs on SQLite
// and PostgreSQL alike. A PostgreSQL database created with the item_response migration in place
// has nothing to back-fill; the tests use it on both as the reference computation.
import { part1Responses, quizResponses, type ItemResponseRow } from "@/lib/item-responses/rows";
import { gradeAtSubmission } from "@/lib/assessment/scoring";
import type { Paper } from "@/lib/assessment/paper";
import { databaseUrl } from "@/lib/database-url";
import { openSqlPort, type SqlPort } from "./db/sql-port";

const BATCH = 500; // attempts read at a time

export type BackfillReport = { quizAttempts: number; assessmentAttempts: number; responses: number; learners: number };

export async function backfill(url: string = databaseUrl()): Promise<BackfillReport> {
  const sql = await openSqlPort(url);
  try {
    const quiz = await missingQuizAttempts(sql);
    const part1 = await missingAssessmentAttempts(sql);
    let responses = 0;
    if (quiz.length || part1.length) {
      // All or nothing; a large fill rebuilds the indexes once instead of growing them row by row.
      await sql.atomically(
        async () => {
          responses = (await fillQuizResponses(sql, quiz)) + (await fillPart1Responses(sql, part1));
        },
        quiz.length + part1.length > 1000 ? "item_response" : undefined,
      );
    }
    const learners = await sql.run(LAST_ACTIVITY_SQL);
    return { quizAttempts: quiz.length, assessmentAttempts: part1.length, responses, learners };
  } finally {
    await sql.close();
  }
}

function chunks<T>(rows: readonly T[], size = BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

const placeholders = (n: number) => Array.from({ length: n }, () => "?").join(", ");

type Owner = { quizAttemptId?: string; assessmentAttemptId?: string; userId: string };
const owned = (rows: ItemResponseRow[], owner: Owner) => rows.map((row) => ({ ...row, ...owner }));

/**
 * Module quiz attempts graded before item_response existed, each with whether it is "first" as
 * item analysis always meant it: no earlier attempt of the same module by the same learner (ties
 * by id). The (userId, moduleSlug, submittedAt) index answers that.
 */
async function missingQuizAttempts(sql: SqlPort): Promise<{ id: string; first: boolean }[]> {
  const rows = await sql.all<{ id: string; first: number | boolean }>(
    `SELECT q."id" AS id, NOT EXISTS (
         SELECT 1 FROM "quiz_attempt" e WHERE e."userId" = q."userId" AND e."moduleSlug" = q."moduleSlug"
           AND (e."submittedAt" < q."submittedAt" OR (e."submittedAt" = q."submittedAt" AND e."id" < q."id"))) AS first
       FROM "quiz_attempt" q
       WHERE NOT EXISTS (SELECT 1 FROM "item_response" r WHERE r."quizAttemptId" = q."id")`,
  );
  return rows.map((r) => ({ id: r.id, first: r.first === true || r.first === 1 }));
}

/** Rows rebuilt from each attempt's stored review (what the learner was shown and chose). */
async function fillQuizResponses(sql: SqlPort, missing: { id: string; first: boolean }[]): Promise<number> {
  let rows = 0;
  for (const batch of chunks(missing)) {
    const first = new Map(batch.map((m) => [m.id, m.first]));
    const attempts = await sql.all<{ id: string; userId: string; moduleSlug: string; score: number; review: string }>(
      `SELECT "id", "userId", "moduleSlug", "score", "review" FROM "quiz_attempt" WHERE "id" IN (${placeholders(batch.length)})`,
      batch.map((m) => m.id),
    );
    const data = attempts.flatMap((a) =>
      owned(quizResponses(a.moduleSlug, a.score, JSON.parse(a.review) as { id: string }[], first.get(a.id) === true), { quizAttemptId: a.id, userId: a.userId }),
    );
    await sql.insert("item_response", data);
    rows += data.length;
  }
  return rows;
}

/** Submitted 结业考核 attempts without part-1 rows. */
async function missingAssessmentAttempts(sql: SqlPort): Promise<string[]> {
  const rows = await sql.all<{ id: string }>(
    `SELECT a."id" AS id FROM "assessment_attempt" a
       WHERE a."status" IN ('submitted', 'graded', 'released')
         AND NOT EXISTS (SELECT 1 FROM "item_response" r WHERE r."assessmentAttemptId" = a."id")`,
  );
  return rows.map((r) => r.id);
}

/** Part 1 regraded from each attempt's own paper and saved answers, as at its submission. */
async function fillPart1Responses(sql: SqlPort, missing: string[]): Promise<number> {
  let rows = 0;
  for (const batch of chunks(missing, 100)) {
    const attempts = await sql.all<{ id: string; userId: string; number: number; paper: string; part1Score: number | null }>(
      `SELECT "id", "userId", "number", "paper", "part1Score" FROM "assessment_attempt" WHERE "id" IN (${placeholders(batch.length)})`,
      batch,
    );
    const answers = await sql.all<{ attemptId: string; itemKey: string; value: string }>(
      `SELECT "attemptId", "itemKey", "value" FROM "assessment_answer"
       WHERE "attemptId" IN (${placeholders(batch.length)}) AND "itemKey" >= 'p1:' AND "itemKey" < 'p1;'`,
      batch,
    );
    const byAttempt = new Map<string, Record<string, unknown>>();
    for (const a of answers) byAttempt.set(a.attemptId, { ...byAttempt.get(a.attemptId), [a.itemKey]: JSON.parse(a.value) as unknown });
    const data = attempts.flatMap((a) => {
      if (a.part1Score === null) return [];
      const paper = JSON.parse(a.paper) as Paper;
      const { part1Results } = gradeAtSubmission(paper, byAttempt.get(a.id) ?? {});
      // The stored part-1 score, not a recomputed one: it is what the learner was given.
      return owned(part1Responses(paper, part1Results, a.part1Score, a.number === 1), { assessmentAttemptId: a.id, userId: a.userId });
    });
    await sql.insert("item_response", data);
    rows += data.length;
  }
  return rows;
}

/**
 * Users active before user.lastActivityAt existed: the latest of their lesson completions, quiz
 * submissions and assessment activity, as the dashboard computed it before (a submitted
 * attempt's activity is its submission unless time ran out; an open or timed-out one's is its
 * last answer save, else its start).
 */
export const LAST_ACTIVITY_SQL = `
  UPDATE "user" SET "lastActivityAt" = (
    SELECT MAX(x.t) FROM (
      SELECT MAX(p."completedAt") AS t FROM "lesson_progress" p WHERE p."userId" = "user"."id"
      UNION ALL
      SELECT MAX(q."submittedAt") AS t FROM "quiz_attempt" q WHERE q."userId" = "user"."id"
      UNION ALL
      SELECT MAX(CASE WHEN a."submittedAt" IS NOT NULL AND NOT a."autoSubmitted" THEN a."submittedAt"
          ELSE COALESCE((SELECT MAX(w."updatedAt") FROM "assessment_answer" w WHERE w."attemptId" = a."id"), a."startedAt") END) AS t
      FROM "assessment_attempt" a WHERE a."userId" = "user"."id"
    ) x
  )
  WHERE "lastActivityAt" IS NULL AND (
    EXISTS (SELECT 1 FROM "lesson_progress" p WHERE p."userId" = "user"."id")
    OR EXISTS (SELECT 1 FROM "quiz_attempt" q WHERE q."userId" = "user"."id")
    OR EXISTS (SELECT 1 FROM "assessment_attempt" a WHERE a."userId" = "user"."id"))`;
