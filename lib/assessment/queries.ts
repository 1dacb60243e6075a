import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { writeBatch } from "@/lib/db-writes";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Paper } from "@/lib/assessment/paper";
import type { AnswerValue, AttemptStatus, Outcome } from "@/lib/assessment/schema";
import type { ItemResponseRow } from "@/lib/item-responses/rows";
import { recordActivity } from "@/lib/progress/activity";
import { publicOrigin } from "@/lib/certificates/origin";
import { queueStatements } from "@/lib/xapi/enqueue";
import { assessmentStarted, assessmentSubmitted } from "@/lib/xapi/statements";

// Prisma calls of the 结业考核 attempt, and nothing else: the lifecycle is lib/assessment/attempts.ts.

export type AttemptRecord = {
  id: string;
  number: number;
  seed: string;
  status: AttemptStatus;
  paper: Paper;
  startedAt: Date;
  deadlineAt: Date;
  submittedAt: Date | null;
  autoSubmitted: boolean;
  part1Score: number | null;
  part2AutoPoints: number | null;
  part2Score: number | null;
  part3Score: number | null;
  finalScore: number | null;
  outcome: Outcome | null;
  gradeScores: GradeScores;
  gradeComment: string | null;
  gradeVersion: number;
  gradedAt: Date | null;
  releasedAt: Date | null;
  answers: Record<string, AnswerValue>;
};

export type GradeScores = Record<string, { points: number; comment: string }>;

type Row = NonNullable<Awaited<ReturnType<typeof findRowById>>>;

function findRowById(attemptId: string) {
  return db.assessmentAttempt.findUnique({ where: { id: attemptId }, include: { answers: true } });
}

/** A stored attempt as data (JSON columns parsed). */
export function toRecord(row: Row): AttemptRecord {
  const { answers, paper, status, outcome, gradeScores, userId: _u, gradedById: _g, ...rest } = row;
  return {
    ...rest,
    status: status as AttemptStatus,
    outcome: outcome as Outcome | null,
    gradeScores: gradeScores ? (JSON.parse(gradeScores) as GradeScores) : {},
    paper: JSON.parse(paper) as Paper,
    answers: Object.fromEntries(answers.map((a) => [a.itemKey, JSON.parse(a.value) as AnswerValue])),
  };
}

/** The learner's own attempt (another learner's id finds nothing), as stored. */
export async function findAttempt(userId: string, attemptId: string): Promise<(AttemptRecord & { userId: string }) | null> {
  const row = await db.assessmentAttempt.findFirst({ where: { id: attemptId, userId }, include: { answers: true } });
  return row ? { ...toRecord(row), userId: row.userId } : null;
}

/** Any attempt by id, as stored (staff and the sweep). */
export async function findAttemptById(attemptId: string): Promise<(AttemptRecord & { userId: string }) | null> {
  const row = await findRowById(attemptId);
  return row ? { ...toRecord(row), userId: row.userId } : null;
}

export async function findAttempts(userId: string): Promise<AttemptRecord[]> {
  const rows = await db.assessmentAttempt.findMany({ where: { userId }, orderBy: { number: "asc" }, include: { answers: true } });
  return rows.map(toRecord);
}

export async function insertAttempt(data: { userId: string; number: number; seed: string; paper: Paper; startedAt: Date; deadlineAt: Date }): Promise<string> {
  return db.$transaction(async (tx) => {
    const row = await tx.assessmentAttempt.create({ data: { ...data, paper: JSON.stringify(data.paper) }, select: { id: true } });
    await recordActivity(tx, data.userId, data.startedAt);
    await queueStatements(tx, data.userId, [assessmentStarted(publicOrigin(), { id: row.id, number: data.number }, data.startedAt)], data.startedAt);
    return row.id;
  });
}

/**
 * What a save needs to know of the learner's own attempt (another learner's id finds nothing):
 * three narrow columns, never the paper. Raw SQL for the reason of storeAnswers below.
 */
export async function findSaveTarget(userId: string, attemptId: string): Promise<{ id: string; seed: string; status: string; deadlineAt: Date } | null> {
  const [row] = await db.$queryRaw<{ seed: string; status: string; deadlineAt: Date | string }[]>`
    SELECT "seed", "status", "deadlineAt" FROM "assessment_attempt" WHERE "id" = ${attemptId} AND "userId" = ${userId}`;
  return row ? { id: attemptId, seed: row.seed, status: row.status, deadlineAt: new Date(row.deadlineAt) } : null;
}

/** The drawn paper of an attempt (a save reads it only when its answer sheet is not cached). */
export async function findPaper(attemptId: string): Promise<Paper | null> {
  const row = await db.assessmentAttempt.findUnique({ where: { id: attemptId }, select: { paper: true } });
  return row ? (JSON.parse(row.paper) as Paper) : null;
}

/**
 * Merges a save into the stored answers: the items it carries are inserted or replaced in one
 * statement, every other stored answer is left alone, so two saves of different items both stay
 * and the last write of one item wins. Raw SQL for the reason of decision 012 (Prisma 6.19 plans
 * each model query again: one upsert per item cost more than the whole statement); portable to
 * PostgreSQL (`ON CONFLICT … DO UPDATE`, `excluded`). Last activity moves forward (never back) in
 * the same transaction, with `updatedAt` as Prisma's @updatedAt would; through writeBatch (decision 028).
 */
export async function storeAnswers(userId: string, attemptId: string, items: { itemKey: string; value: AnswerValue }[], savedAt: Date): Promise<void> {
  // Prisma's cuid() default is applied by its client, not by the database: a UUID instead.
  // One row per item (the last value sent wins): PostgreSQL refuses to update a row twice in one statement.
  const latest = new Map(items.map(({ itemKey, value }) => [itemKey, value]));
  const rows = [...latest].map(([itemKey, value]) => Prisma.sql`(${randomUUID()}, ${attemptId}, ${itemKey}, ${JSON.stringify(value)}, ${savedAt})`);
  await writeBatch([
    Prisma.sql`
      INSERT INTO "assessment_answer" ("id", "attemptId", "itemKey", "value", "updatedAt")
      VALUES ${Prisma.join(rows)}
      ON CONFLICT ("attemptId", "itemKey") DO UPDATE SET "value" = excluded."value", "updatedAt" = excluded."updatedAt"`,
    Prisma.sql`
      UPDATE "user" SET "lastActivityAt" = ${savedAt}, "updatedAt" = ${savedAt}
      WHERE "id" = ${userId} AND ("lastActivityAt" IS NULL OR "lastActivityAt" < ${savedAt})`,
  ]);
}

/**
 * Moves an attempt from in_progress to submitted. Exactly one caller wins the conditional update,
 * so a double click, a second tab, a sweep on another instance cannot submit twice; the winner
 * stores part 1's item responses in the same transaction. `activityAt` is the learner's own
 * submission (not one made for them when time ran out).
 */
export async function closeAttempt(
  attempt: { id: string; userId: string; number: number; startedAt: Date },
  data: { submittedAt: Date; autoSubmitted: boolean; part1Score: number; part2AutoPoints: number },
  responses: ItemResponseRow[],
  activityAt: Date | null,
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.assessmentAttempt.updateMany({ where: { id: attempt.id, status: "in_progress" }, data: { status: "submitted", ...data } });
    if (count === 0) return false;
    await tx.itemResponse.createMany({ data: responses.map((r) => ({ ...r, assessmentAttemptId: attempt.id, userId: attempt.userId })) });
    if (activityAt) await recordActivity(tx, attempt.userId, activityAt);
    const statement = assessmentSubmitted(publicOrigin(), { ...attempt, autoSubmitted: data.autoSubmitted }, data.submittedAt);
    await queueStatements(tx, attempt.userId, [statement], data.submittedAt);
    return true;
  });
}

/** Attempts still open whose deadline (and grace) passed before `cutoff`. */
export async function findExpiredOpenAttemptIds(cutoff: Date, take = 200): Promise<string[]> {
  const rows = await db.assessmentAttempt.findMany({ where: { status: "in_progress", deadlineAt: { lt: cutoff } }, select: { id: true }, take });
  return rows.map((r) => r.id);
}
