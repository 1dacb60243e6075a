import { randomUUID } from "node:crypto";
import { part1Responses } from "@/lib/analytics/responses";
import { db } from "@/lib/db";
import { gradeAtSubmission } from "@/lib/assessment/grade-paper";
import { answerSlots, drawPaper, type Paper } from "@/lib/assessment/paper";
import type { AnswerValue, AttemptStatus, Outcome } from "@/lib/assessment/schema";
import type { AssessmentContent } from "@/lib/content/banks";
import { recordActivity } from "@/lib/progress/activity";

/** Saves in flight when time runs out are still accepted for this long. */
export const SAVE_GRACE_MS = 10_000;

export type AttemptRecord = {
  id: string;
  number: number;
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

type Row = NonNullable<Awaited<ReturnType<typeof findRow>>>;

function findRow(userId: string, attemptId: string) {
  return db.assessmentAttempt.findFirst({ where: { id: attemptId, userId }, include: { answers: true } });
}

/** Submits an attempt whose time ran out while nobody had it open (graders see it then). */
export async function finalizeIfExpired(attemptId: string): Promise<void> {
  const row = await db.assessmentAttempt.findUnique({ where: { id: attemptId }, include: { answers: true } });
  if (row && expired(row)) await finalize(row, true);
}

export { toRecord };

function toRecord(row: Row): AttemptRecord {
  const { answers, paper, status, outcome, gradeScores, userId: _u, seed: _s, gradedById: _g, ...rest } = row;
  return {
    ...rest,
    status: status as AttemptStatus,
    outcome: outcome as Outcome | null,
    gradeScores: gradeScores ? (JSON.parse(gradeScores) as GradeScores) : {},
    paper: JSON.parse(paper) as Paper,
    answers: Object.fromEntries(answers.map((a) => [a.itemKey, JSON.parse(a.value) as AnswerValue])),
  };
}

const expired = (row: { status: string; deadlineAt: Date }, now = Date.now()) =>
  row.status === "in_progress" && now > row.deadlineAt.getTime() + SAVE_GRACE_MS;

/**
 * Submits with what was saved. Exactly one caller wins the in_progress → submitted update, so a
 * double click or a second tab cannot submit twice; the winner stores part 1's item responses in
 * the same transaction. A submission when time ran out is not the learner's activity: their last
 * activity stays their last save.
 */
async function finalize(row: Row, auto: boolean): Promise<void> {
  const record = toRecord(row);
  const graded = gradeAtSubmission(record.paper, record.answers);
  const submittedAt = new Date();
  await db.$transaction(async (tx) => {
    const { count } = await tx.assessmentAttempt.updateMany({
      where: { id: row.id, status: "in_progress" },
      data: {
        status: "submitted",
        submittedAt,
        autoSubmitted: auto,
        part1Score: graded.part1Score,
        part2AutoPoints: graded.part2AutoPoints,
      },
    });
    if (count === 0) return;
    const responses = part1Responses(record.paper, graded.part1Results, graded.part1Score, row.number === 1);
    await tx.itemResponse.createMany({ data: responses.map((r) => ({ ...r, assessmentAttemptId: row.id, userId: row.userId })) });
    if (!auto) await recordActivity(tx, row.userId, submittedAt);
  });
}

/** The learner's own attempt (another learner's id finds nothing); submitted if its time is up. */
export async function loadAttempt(userId: string, attemptId: string): Promise<AttemptRecord | null> {
  let row = await findRow(userId, attemptId);
  if (row && expired(row)) {
    await finalize(row, true);
    row = await findRow(userId, attemptId);
  }
  return row ? toRecord(row) : null;
}

export async function listAttempts(userId: string) {
  const rows = await db.assessmentAttempt.findMany({
    where: { userId },
    orderBy: { number: "asc" },
    select: { id: true },
  });
  const records = await Promise.all(rows.map((r) => loadAttempt(userId, r.id)));
  return records.filter((r): r is AttemptRecord => r !== null);
}

type StartResult = { ok: true; attemptId: string } | { ok: false; message: string };

export async function startAttempt(userId: string, content: AssessmentContent): Promise<StartResult> {
  const attempts = await listAttempts(userId);
  const open = attempts.find((a) => a.status === "in_progress");
  if (open) return { ok: true, attemptId: open.id };
  if (attempts.length >= content.config.attemptsAllowed) {
    return { ok: false, message: `结业考核最多可参加 ${content.config.attemptsAllowed} 次，你的次数已用完。` };
  }
  const seed = randomUUID();
  const startedAt = new Date();
  try {
    const [row] = await db.$transaction([
      db.assessmentAttempt.create({
        data: {
          userId,
          number: attempts.length + 1,
          seed,
          paper: JSON.stringify(drawPaper(content, seed)),
          startedAt,
          deadlineAt: new Date(startedAt.getTime() + content.config.timeLimitMinutes * 60_000),
        },
      }),
      recordActivity(db, userId, startedAt),
    ]);
    return { ok: true, attemptId: row.id };
  } catch {
    // Two tabs pressed 开始 at once: the unique (userId, number) let one through; resume it.
    const again = (await listAttempts(userId)).find((a) => a.status === "in_progress");
    return again ? { ok: true, attemptId: again.id } : { ok: false, message: "开始考核失败，请重试。" };
  }
}

type SaveResult = { ok: true; savedAt: string } | { ok: false; message: string; closed?: boolean };

/** Stores answers only for this learner's open attempt, only for slots of its paper. */
export async function saveAnswers(userId: string, attemptId: string, items: { itemKey: string; value: AnswerValue }[]): Promise<SaveResult> {
  const row = await findRow(userId, attemptId);
  if (!row) return { ok: false, message: "找不到这次考核。" };
  if (expired(row)) {
    await finalize(row, true);
    return { ok: false, closed: true, message: "考试时间已到，答卷已按已保存的内容自动提交，不能再修改。" };
  }
  if (row.status !== "in_progress") return { ok: false, closed: true, message: "本次考核已提交，不能再修改答案。" };

  const slots = answerSlots(JSON.parse(row.paper) as Paper);
  for (const { itemKey, value } of items) {
    const slot = slots.get(itemKey);
    if (!slot) return { ok: false, message: "答案中包含本次考卷没有的题目，未保存任何内容。" };
    if (slot.kind === "text" ? typeof value !== "string" : !Array.isArray(value)) {
      return { ok: false, message: "答案格式与题型不符，未保存任何内容。" };
    }
    if (slot.kind === "choice" && Array.isArray(value)) {
      if (value.some((v) => !slot.options.includes(v)) || (!slot.multiple && value.length > 1)) {
        return { ok: false, message: "选项无效，未保存任何内容。" };
      }
    }
  }
  const savedAt = new Date();
  await db.$transaction([
    ...items.map(({ itemKey, value }) =>
      db.assessmentAnswer.upsert({
        where: { attemptId_itemKey: { attemptId, itemKey } },
        create: { attemptId, itemKey, value: JSON.stringify(value), updatedAt: savedAt },
        update: { value: JSON.stringify(value), updatedAt: savedAt },
      }),
    ),
    recordActivity(db, userId, savedAt),
  ]);
  return { ok: true, savedAt: savedAt.toISOString() };
}

export async function submitAttempt(userId: string, attemptId: string): Promise<{ ok: true } | { ok: false; message: string }> {
  const row = await findRow(userId, attemptId);
  if (!row) return { ok: false, message: "找不到这次考核。" };
  if (row.status === "in_progress") await finalize(row, expired(row));
  return { ok: true };
}
