// One-time back-fills for data written before a table or column existed, run by prepare-db after
// every `prisma migrate deploy`. Each finds only what is missing, so it costs a few index probes
// when there is nothing to do and is safe to run again (or after an interrupted run).
//
// Like the cohort seeder, this is a bulk SQLite path through better-sqlite3 (Prisma's query
// compiler takes ~0.7 ms per created row, minutes for an existing cohort's ~650,000 item rows).
// The statements themselves are portable; a PostgreSQL database created with the item_response
// migration in place has nothing to back-fill.
import Database from "better-sqlite3";
import { part1Responses, quizResponses, type ItemResponseRow } from "@/lib/analytics/responses";
import { gradeAtSubmission } from "@/lib/assessment/grade-paper";
import type { Paper } from "@/lib/assessment/paper";
import { sqlitePath } from "@/lib/database-url";
import { bulkInserter, withoutIndexes } from "./cohort/bulk";

const BATCH = 500; // attempts read at a time

export type BackfillReport = { quizAttempts: number; assessmentAttempts: number; responses: number; learners: number };

export function backfill(file: string = sqlitePath()): BackfillReport {
  const sqlite = new Database(file);
  try {
    sqlite.pragma("busy_timeout = 5000");
    // As in the seeder, for this bulk connection only: no fsync per batch (WAL with NORMAL sync
    // cannot corrupt), and a page cache that holds the indexes while they are rebuilt.
    sqlite.pragma("synchronous = NORMAL");
    sqlite.pragma("cache_size = -262144");
    const quiz = missingQuizAttempts(sqlite);
    const part1 = missingAssessmentAttempts(sqlite);
    let responses = 0;
    if (quiz.length || part1.length) {
      // All or nothing; a large fill rebuilds the indexes once instead of growing them row by row.
      const fill = () => {
        responses = fillQuizResponses(sqlite, quiz) + fillPart1Responses(sqlite, part1);
      };
      if (quiz.length + part1.length > 1000) withoutIndexes(sqlite, "item_response", fill);
      else sqlite.transaction(fill)();
    }
    const learners = sqlite.prepare(LAST_ACTIVITY_SQL).run().changes;
    return { quizAttempts: quiz.length, assessmentAttempts: part1.length, responses, learners };
  } finally {
    sqlite.close();
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
function missingQuizAttempts(sqlite: Database.Database): { id: string; first: number }[] {
  return sqlite
    .prepare(
      `SELECT q."id" AS id, NOT EXISTS (
         SELECT 1 FROM "quiz_attempt" e WHERE e."userId" = q."userId" AND e."moduleSlug" = q."moduleSlug"
           AND (e."submittedAt" < q."submittedAt" OR (e."submittedAt" = q."submittedAt" AND e."id" < q."id"))) AS first
       FROM "quiz_attempt" q
       WHERE NOT EXISTS (SELECT 1 FROM "item_response" r WHERE r."quizAttemptId" = q."id")`,
    )
    .all() as { id: string; first: number }[];
}

/** Rows rebuilt from each attempt's stored review (what the learner was shown and chose). */
function fillQuizResponses(sqlite: Database.Database, missing: { id: string; first: number }[]): number {
  const insert = bulkInserter(sqlite);
  let rows = 0;
  for (const batch of chunks(missing)) {
    const first = new Map(batch.map((m) => [m.id, m.first === 1]));
    const attempts = sqlite
      .prepare(`SELECT "id", "userId", "moduleSlug", "score", "review" FROM "quiz_attempt" WHERE "id" IN (${placeholders(batch.length)})`)
      .all(...batch.map((m) => m.id)) as { id: string; userId: string; moduleSlug: string; score: number; review: string }[];
    const data = attempts.flatMap((a) =>
      owned(quizResponses(a.moduleSlug, a.score, JSON.parse(a.review) as { id: string }[], first.get(a.id) === true), { quizAttemptId: a.id, userId: a.userId }),
    );
    insert("item_response", data);
    rows += data.length;
  }
  return rows;
}

/** Submitted 结业考核 attempts without part-1 rows. */
function missingAssessmentAttempts(sqlite: Database.Database): string[] {
  const rows = sqlite
    .prepare(
      `SELECT a."id" AS id FROM "assessment_attempt" a
       WHERE a."status" IN ('submitted', 'graded', 'released')
         AND NOT EXISTS (SELECT 1 FROM "item_response" r WHERE r."assessmentAttemptId" = a."id")`,
    )
    .all() as { id: string }[];
  return rows.map((r) => r.id);
}

/** Part 1 regraded from each attempt's own paper and saved answers, as at its submission. */
function fillPart1Responses(sqlite: Database.Database, missing: string[]): number {
  const insert = bulkInserter(sqlite);
  let rows = 0;
  for (const batch of chunks(missing, 100)) {
    const attempts = sqlite
      .prepare(`SELECT "id", "userId", "number", "paper", "part1Score" FROM "assessment_attempt" WHERE "id" IN (${placeholders(batch.length)})`)
      .all(...batch) as { id: string; userId: string; number: number; paper: string; part1Score: number | null }[];
    const answers = sqlite
      .prepare(
        `SELECT "attemptId", "itemKey", "value" FROM "assessment_answer"
         WHERE "attemptId" IN (${placeholders(batch.length)}) AND "itemKey" >= 'p1:' AND "itemKey" < 'p1;'`,
      )
      .all(...batch) as { attemptId: string; itemKey: string; value: string }[];
    const byAttempt = new Map<string, Record<string, unknown>>();
    for (const a of answers) byAttempt.set(a.attemptId, { ...byAttempt.get(a.attemptId), [a.itemKey]: JSON.parse(a.value) as unknown });
    const data = attempts.flatMap((a) => {
      if (a.part1Score === null) return [];
      const paper = JSON.parse(a.paper) as Paper;
      const { part1Results } = gradeAtSubmission(paper, byAttempt.get(a.id) ?? {});
      // The stored part-1 score, not a recomputed one: it is what the learner was given.
      return owned(part1Responses(paper, part1Results, a.part1Score, a.number === 1), { assessmentAttemptId: a.id, userId: a.userId });
    });
    insert("item_response", data);
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
