import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import { closeIfExpired } from "@/lib/assessment/attempts";
import { toRecord } from "@/lib/assessment/queries";
import { computeGrade, rubricItems, type RubricItem, type Scores } from "@/lib/assessment/scoring";
import type { Paper } from "@/lib/assessment/paper";
import type { AssessmentConfig } from "@/lib/content/question-schema";
import { scoreErrors } from "@/lib/grading/grade";
import { combinedComment, combinedScores, disputedCriteria, isDoubleGraded, type BlindRole, type DoubleGradingPlan } from "@/lib/grading/double";
import { doubleGradingSettings } from "@/lib/grading/settings";
import { inSubtree } from "@/lib/departments/tree";
import { isStaff, ROLES } from "@/lib/auth/roles";

// Blind double grading (decision 043): who grades a double-graded attempt, what each grader may
// see, and the attempt's grade once the pair agrees or a moderator settles the dispute.

type BlindRow = { graderId: string; role: string; scores: string; comment: string; version: number; finalisedAt: Date | null };
export type BlindGradeView = { role: BlindRole; scores: Scores; comment: string; version: number; finalised: boolean };

const parseScores = (json: string): Scores => JSON.parse(json) as Scores;
const toView = (row: BlindRow): BlindGradeView => ({
  role: row.role as BlindRole,
  scores: parseScores(row.scores),
  comment: row.comment,
  version: row.version,
  finalised: row.finalisedAt !== null,
});

/**
 * Whether an attempt is double graded. Once grading has begun the plan is stored on the attempt;
 * before, it is drawn (a GET must not write): a hash of the attempt's secret seed against the
 * share in settings, so the same attempt draws the same way on every page, and raising the share
 * keeps every attempt already drawn. The first grade saved stores the plan it was saved under.
 */
export function effectivePlan(row: { id: string; seed: string; doubleGrading: string | null; gradeVersion: number }, share: number): DoubleGradingPlan {
  if (row.doubleGrading) return row.doubleGrading as DoubleGradingPlan;
  if (row.gradeVersion > 0) return "single"; // graded before double grading existed
  const draw = createHash("sha256").update(`double-grading:${row.seed}:${row.id}`).digest().readUInt32BE(0) % 100;
  return draw < share ? "random" : "single";
}

/** The plans of these attempts under the current settings (see effectivePlan). */
export async function effectivePlans<T extends { id: string; seed: string; doubleGrading: string | null; gradeVersion: number }>(rows: readonly T[]): Promise<Map<string, DoubleGradingPlan>> {
  const { share } = rows.some((r) => r.doubleGrading === null) ? await doubleGradingSettings() : { share: 0 };
  return new Map(rows.map((r) => [r.id, effectivePlan(r, share)]));
}

export type PickResult = { ok: true } | { ok: false; reason: "not-found" | "already" | "started" };

/** A trainer's 设为双评: only before anyone has saved a grade for the attempt. */
export async function pickForDoubleGrading(attemptId: string): Promise<PickResult> {
  await closeIfExpired(attemptId);
  const row = await db.assessmentAttempt.findUnique({ where: { id: attemptId }, select: { id: true, seed: true, status: true, doubleGrading: true, gradeVersion: true } });
  if (!row || row.status === "in_progress") return { ok: false, reason: "not-found" };
  if (isDoubleGraded((await effectivePlans([row])).get(row.id)!)) return { ok: false, reason: "already" };
  const { count } = await db.assessmentAttempt.updateMany({
    where: { id: attemptId, status: "submitted", gradeVersion: 0, OR: [{ doubleGrading: null }, { doubleGrading: "single" }] },
    data: { doubleGrading: "picked" },
  });
  return count ? { ok: true } : { ok: false, reason: "started" };
}

/** Where a double-graded attempt stands, for one grader; null for a single-graded or settled one. */
export type BlindStage =
  | { kind: "blind"; mine: BlindGradeView | null; canGrade: boolean; finalised: number }
  | { kind: "moderation"; inPair: boolean; noModerator: boolean; mine: BlindGradeView | null; disputed: string[]; first: BlindGradeView; second: BlindGradeView; tolerance: number };

export async function blindStage(attempt: { id: string; status: string; doubleGrading: string | null; paper: Paper }, graderId: string): Promise<BlindStage | null> {
  if (!isDoubleGraded(attempt.doubleGrading) || attempt.status !== "submitted") return null;
  const rows = await db.blindGrade.findMany({ where: { attemptId: attempt.id } });
  const mineRow = rows.find((r) => r.graderId === graderId);
  const first = rows.find((r) => r.role === "first");
  const second = rows.find((r) => r.role === "second");
  if (first?.finalisedAt && second?.finalisedAt) {
    const { tolerance } = await doubleGradingSettings();
    const a = toView(first);
    const b = toView(second);
    const inPair = first.graderId === graderId || second.graderId === graderId;
    const disputed = disputedCriteria(rubricItems(attempt.paper), a.scores, b.scores, tolerance);
    const noModerator = inPair && !(await moderatorExists(attempt.id, [first.graderId, second.graderId]));
    // The moderator sees both grades; a member of the pair does not see the other's.
    return { kind: "moderation", inPair, noModerator, mine: mineRow ? toView(mineRow) : null, disputed, first: a, second: b, tolerance };
  }
  const pairRows = [first, second].filter((r) => r !== undefined);
  return {
    kind: "blind",
    mine: mineRow ? toView(mineRow) : null,
    canGrade: Boolean(mineRow) || pairRows.length < 2,
    finalised: pairRows.filter((r) => r.finalisedAt).length,
  };
}

/**
 * Whether anyone besides the pair may moderate: an active trainer or admin, or an active 部门负责人
 * with 批阅权限 over the learner's department (lib/auth/scope.ts mayGrade). Without one the
 * attempt would wait for ever, so the pair is told who can make a third grader.
 */
async function moderatorExists(attemptId: string, pair: string[]): Promise<boolean> {
  const others = { id: { notIn: pair }, deactivatedAt: null };
  if (await db.user.count({ where: { ...others, role: { in: ROLES.filter(isStaff) } } })) return true;
  const [attempt, heads] = await Promise.all([
    db.assessmentAttempt.findUnique({ where: { id: attemptId }, select: { user: { select: { department: { select: { path: true } } } } } }),
    db.user.findMany({ where: { ...others, role: "dept_head", canGrade: true }, select: { department: { select: { path: true } } } }),
  ]);
  const learnerPath = attempt?.user.department?.path;
  return Boolean(learnerPath && heads.some((h) => h.department && inSubtree(learnerPath, h.department.path)));
}

export type BlindSaveInput = { attemptId: string; version: number; intent: "draft" | "finalise"; comment: string; scores: Scores };
type BlindRefusal = { ok: false; reason: "not-found" | "not-double" | "taken" | "finalised" | "in-pair" | "conflict" } | { ok: false; reason: "invalid-scores"; errors: Record<string, string> };
export type BlindSaveResult = { ok: true; version: number; outcome: "draft" | "waiting" | "agreed" | "disputed" | "moderated"; disputed?: number } | BlindRefusal;

/** Thrown inside the transaction so that a refused save writes nothing (not even the lock's bump). */
class Refused extends Error {
  constructor(readonly result: BlindRefusal) {
    super(result.reason);
  }
}
const refuse = (result: BlindRefusal): never => {
  throw new Refused(result);
};

/**
 * Saves one grader's blind grade (or the moderator's). The first statement bumps the attempt's
 * grade version: it locks the attempt row, so two graders finishing at once are taken one after
 * the other and the second sees the first's grade (PostgreSQL read committed, SQLite's write lock).
 */
export async function saveBlindGrade(graderId: string, input: BlindSaveInput, config: AssessmentConfig): Promise<BlindSaveResult> {
  await closeIfExpired(input.attemptId);
  const { share, tolerance } = await doubleGradingSettings();
  try {
    return await settleInTransaction(graderId, input, config, share, tolerance);
  } catch (error) {
    if (error instanceof Refused) return error.result;
    throw error;
  }
}

async function settleInTransaction(graderId: string, input: BlindSaveInput, config: AssessmentConfig, share: number, tolerance: number): Promise<BlindSaveResult> {
  const finalise = input.intent === "finalise";
  return db.$transaction(async (tx) => {
    const current = await tx.assessmentAttempt.findUnique({ where: { id: input.attemptId }, select: { id: true, seed: true, doubleGrading: true, gradeVersion: true } });
    if (!current) return refuse({ ok: false, reason: "not-found" });
    const plan = effectivePlan(current, share);
    if (!isDoubleGraded(plan)) return refuse({ ok: false, reason: "not-double" });
    // Stores a drawn plan with the first blind grade (a grade saved meanwhile by the single form
    // stores "single" and bumps the version, so the filter then fails and nothing is written).
    const { count } = await tx.assessmentAttempt.updateMany({
      where: { id: input.attemptId, status: "submitted", OR: [{ doubleGrading: { in: ["random", "picked"] } }, { doubleGrading: null, gradeVersion: 0 }] },
      data: { gradeVersion: { increment: 1 }, ...(current.doubleGrading ? {} : { doubleGrading: plan }) },
    });
    if (!count) return refuse({ ok: false, reason: "not-double" });
    const row = await tx.assessmentAttempt.findUniqueOrThrow({ where: { id: input.attemptId }, include: { answers: true } });
    const attempt = toRecord(row);
    const items = rubricItems(attempt.paper);
    const rows = await tx.blindGrade.findMany({ where: { attemptId: input.attemptId } });
    const first = rows.find((r) => r.role === "first");
    const second = rows.find((r) => r.role === "second");
    const mine = rows.find((r) => r.graderId === graderId);
    const pairDone = Boolean(first?.finalisedAt && second?.finalisedAt);

    let role: BlindRole;
    let scored: RubricItem[] = items;
    let disputed: string[] = [];
    if (pairDone) {
      if (first!.graderId === graderId || second!.graderId === graderId) refuse({ ok: false, reason: "in-pair" });
      role = "moderator";
      disputed = disputedCriteria(items, parseScores(first!.scores), parseScores(second!.scores), tolerance);
      scored = items.filter((i) => disputed.includes(i.key));
    } else if (mine) {
      role = mine.role as BlindRole;
    } else if (!first || !second) {
      role = first ? "second" : "first";
    } else {
      return refuse({ ok: false, reason: "taken" });
    }
    if (mine?.finalisedAt) refuse({ ok: false, reason: "finalised" });
    if ((mine?.version ?? 0) !== input.version) refuse({ ok: false, reason: "conflict" });
    const errors = scoreErrors(scored, input.scores, finalise);
    if (Object.keys(errors).length) refuse({ ok: false, reason: "invalid-scores", errors });

    const data = { scores: JSON.stringify(input.scores), comment: input.comment, version: input.version + 1, finalisedAt: finalise ? new Date() : null };
    if (mine) await tx.blindGrade.update({ where: { id: mine.id }, data });
    else await tx.blindGrade.create({ data: { ...data, attemptId: input.attemptId, graderId, role } });
    const version = input.version + 1;
    if (!finalise) return { ok: true as const, version, outcome: "draft" as const };
    await tx.gradeEvent.create({ data: { attemptId: input.attemptId, actorId: graderId, action: role === "moderator" ? "moderate" : "blind", scores: data.scores, comment: input.comment } });

    // The pair's second grade settles the attempt when they agree; a moderator's always does.
    const other = role === "first" ? second : role === "second" ? first : undefined;
    if (role !== "moderator" && !other?.finalisedAt) return { ok: true as const, version, outcome: "waiting" as const };
    const a = role === "first" ? input.scores : parseScores(first!.scores);
    const b = role === "second" ? input.scores : parseScores(second!.scores);
    if (role !== "moderator") {
      disputed = disputedCriteria(items, a, b, tolerance);
      if (disputed.length) return { ok: true as const, version, outcome: "disputed" as const, disputed: disputed.length };
    }
    const scores = role === "moderator" ? combinedScores(items, a, b, input.scores, disputed) : combinedScores(items, a, b);
    const comment = combinedComment(role === "first" ? input.comment : first!.comment, role === "second" ? input.comment : second!.comment, role === "moderator" ? input.comment : "");
    const grade = computeGrade(attempt.paper, { part1Score: attempt.part1Score ?? 0, part2AutoPoints: attempt.part2AutoPoints ?? 0 }, scores, config);
    const settled = { part2Score: grade.part2Score, part3Score: grade.part3Score, finalScore: grade.finalScore, outcome: grade.outcome };
    await tx.assessmentAttempt.update({
      where: { id: input.attemptId },
      data: { status: "graded", gradeScores: JSON.stringify(scores), gradeComment: comment, gradedById: graderId, gradedAt: new Date(), gradeVersion: { increment: 1 }, ...settled },
    });
    await tx.gradeEvent.create({ data: { attemptId: input.attemptId, actorId: graderId, action: role === "moderator" ? "settle-moderated" : "settle-agreed", scores: JSON.stringify(scores), comment, ...settled } });
    return { ok: true as const, version, outcome: role === "moderator" ? ("moderated" as const) : ("agreed" as const) };
  });
}

/** For the grading queue: each listed double-graded attempt's blind grades (who, which role, done). */
export async function blindGradesOf(attemptIds: readonly string[]): Promise<Map<string, { graderId: string; role: string; finalised: boolean }[]>> {
  const rows = await db.blindGrade.findMany({ where: { attemptId: { in: [...attemptIds] } }, select: { attemptId: true, graderId: true, role: true, finalisedAt: true } });
  const byAttempt = new Map<string, { graderId: string; role: string; finalised: boolean }[]>();
  for (const r of rows) byAttempt.set(r.attemptId, [...(byAttempt.get(r.attemptId) ?? []), { graderId: r.graderId, role: r.role, finalised: r.finalisedAt !== null }]);
  return byAttempt;
}
