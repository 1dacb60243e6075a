import "server-only";
import { db } from "@/lib/db";
import { closeIfExpired } from "@/lib/assessment/attempts";
import { toRecord, type AttemptRecord } from "@/lib/assessment/queries";
import { effectiveAttempt, SAVE_GRACE_MS } from "@/lib/assessment/rules";
import type { AssessmentConfig } from "@/lib/content/question-schema";
import { computeGrade, rubricItems, type Outcome, type Scores } from "@/lib/assessment/scoring";
import { scoreErrors } from "@/lib/grading/grade";
import { syncCertificateForAttempt } from "@/lib/certificates/queries";
import { scopedUsers, type StaffScope } from "@/lib/auth/scope";
import { publicOrigin } from "@/lib/certificates/origin";
import { queueStatements } from "@/lib/xapi/enqueue";
import { assessmentReleased } from "@/lib/xapi/statements";
import { blindGradesOf, effectivePlans } from "@/lib/grading/blind";
import { isDoubleGraded } from "@/lib/grading/double";

/** xAPI (decision 042): a grade reaching the learner, at release or by a regrade of a released attempt. */
const releaseStatements = (row: { id: string; number: number; finalScore: number | null; outcome: string | null }, at: Date) =>
  row.finalScore === null ? [] : assessmentReleased(publicOrigin(), { id: row.id, number: row.number, finalScore: row.finalScore, passed: row.outcome === "passed" || row.outcome === "certified" }, at);

/** Attempts whose learner `scope` may see (no filter for trainers and admins). */
const ofLearners = (scope: StaffScope) => (scope.kind === "all" ? {} : { user: scopedUsers(scope) });

/** Of these attempt ids, the ones whose learner `scope` may see: every grading write checks this first. */
export async function attemptsInScope(attemptIds: readonly string[], scope: StaffScope): Promise<Set<string>> {
  if (scope.kind === "all") return new Set(attemptIds);
  const rows = await db.assessmentAttempt.findMany({ where: { id: { in: [...attemptIds] }, ...ofLearners(scope) }, select: { id: true } });
  return new Set(rows.map((r) => r.id));
}

export type QueueItem = {
  id: string;
  learnerName: string;
  learnerEmail: string;
  number: number;
  status: string;
  submittedAt: Date | null;
  /** The held grade as a release would publish it (graded attempts). */
  gradeVersion: number;
  finalScore: number | null;
  outcome: Outcome | null;
  /** Blind double grading (decision 043), as the viewing grader stands with it; null when single. */
  double: DoubleState | null;
};

export type DoubleState = "open" | "draft" | "mine-done" | "taken" | "moderation" | "moderation-mine";

/** Where the viewer stands with a double-graded attempt still being graded. */
function doubleState(grades: { graderId: string; role: string; finalised: boolean }[], viewerId: string): DoubleState {
  const pair = grades.filter((g) => g.role !== "moderator");
  const mine = grades.find((g) => g.graderId === viewerId);
  if (pair.length === 2 && pair.every((g) => g.finalised)) return mine && mine.role !== "moderator" ? "moderation-mine" : "moderation";
  if (mine) return mine.finalised ? "mine-done" : "draft";
  return pair.length < 2 ? "open" : "taken";
}

/** Attempts of learners `scope` may see that need a grader, oldest first; graded-but-held ones follow for release. */
export async function gradingQueue(scope: StaffScope, viewerId: string): Promise<{ waiting: QueueItem[]; held: QueueItem[] }> {
  // An attempt whose time ran out waits for a grader even before anything closed it.
  const expired = { status: "in_progress", deadlineAt: { lt: new Date(Date.now() - SAVE_GRACE_MS) } };
  const where = { OR: [{ status: { in: ["submitted", "graded"] } }, expired], ...ofLearners(scope) };
  const select = {
    id: true, number: true, seed: true, status: true, submittedAt: true, deadlineAt: true, gradeVersion: true, finalScore: true, outcome: true, doubleGrading: true,
    user: { select: { name: true, email: true } },
  } as const;
  const rows = await db.assessmentAttempt.findMany({ where, select });
  const plans = await effectivePlans(rows.filter((r) => r.status !== "graded"));
  const doubled = [...plans].filter(([, plan]) => isDoubleGraded(plan)).map(([id]) => id);
  const blind = doubled.length ? await blindGradesOf(doubled) : new Map();
  const items = rows.map((r) => ({
    id: r.id,
    number: r.number,
    ...effectiveStatus(r),
    learnerName: r.user.name,
    learnerEmail: r.user.email,
    gradeVersion: r.gradeVersion,
    finalScore: r.finalScore,
    outcome: (r.outcome as Outcome | null) ?? null,
    double: doubled.includes(r.id) ? doubleState(blind.get(r.id) ?? [], viewerId) : null,
  }));
  items.sort((a, b) => (a.submittedAt?.getTime() ?? 0) - (b.submittedAt?.getTime() ?? 0));
  return { waiting: items.filter((i) => i.status === "submitted"), held: items.filter((i) => i.status === "graded") };
}

const effectiveStatus = (r: { status: string; deadlineAt: Date; submittedAt: Date | null }) =>
  r.status === "in_progress" ? { status: "submitted", submittedAt: r.deadlineAt } : { status: r.status, submittedAt: r.submittedAt };

export type GradingView = AttemptRecord & { learnerName: string; learnerEmail: string; doubleGrading: string | null; history: HistoryItem[] };
export type HistoryItem = { id: string; action: string; actorId: string; actorName: string; finalScore: number | null; outcome: string | null; createdAt: Date };

/** The grading desk's attempt; null when there is none or `scope` may not see its learner. */
export async function getGradingView(attemptId: string, scope: StaffScope): Promise<GradingView | null> {
  const row = await db.assessmentAttempt.findFirst({
    where: { id: attemptId, ...ofLearners(scope) },
    include: { answers: true, user: { select: { name: true, email: true } }, gradeEvents: { orderBy: { createdAt: "desc" } } },
  });
  if (!row) return null;
  const actors = await db.user.findMany({ where: { id: { in: row.gradeEvents.map((e) => e.actorId) } }, select: { id: true, name: true } });
  const names = new Map(actors.map((a) => [a.id, a.name]));
  const { user, gradeEvents, ...attempt } = row;
  return {
    ...effectiveAttempt(toRecord(attempt)),
    learnerName: user.name,
    learnerEmail: user.email,
    doubleGrading: (await effectivePlans([row])).get(row.id)!,
    history: gradeEvents.map((e) => ({ id: e.id, action: e.action, actorId: e.actorId, actorName: names.get(e.actorId) ?? "（已删除）", finalScore: e.finalScore, outcome: e.outcome, createdAt: e.createdAt })),
  };
}

export type SaveGradeResult = { ok: true; version: number } | { ok: false; reason: "not-found" | "not-submitted" | "double-graded" | "conflict" } | { ok: false; reason: "invalid-scores"; errors: Record<string, string> };

/**
 * Saves a draft or finalises. The write names the version the grader loaded; if someone else
 * saved in between, nothing is written and the grader is told to reload.
 */
export async function saveGrade(
  actorId: string,
  input: { attemptId: string; version: number; intent: "draft" | "finalise"; comment: string; scores: Scores },
  config: AssessmentConfig,
): Promise<SaveGradeResult> {
  await closeIfExpired(input.attemptId);
  const row = await db.assessmentAttempt.findUnique({ where: { id: input.attemptId }, include: { answers: true } });
  if (!row) return { ok: false, reason: "not-found" };
  if (row.status === "in_progress") return { ok: false, reason: "not-submitted" };
  // A double-graded attempt is graded through the blind forms until it is settled (lib/grading/blind.ts).
  if (row.status === "submitted" && isDoubleGraded((await effectivePlans([row])).get(row.id)!)) return { ok: false, reason: "double-graded" };
  const attempt = toRecord(row);
  const errors = scoreErrors(rubricItems(attempt.paper), input.scores, input.intent === "finalise");
  if (Object.keys(errors).length) return { ok: false, reason: "invalid-scores", errors };

  const finalise = input.intent === "finalise";
  const grade = computeGrade(attempt.paper, { part1Score: attempt.part1Score ?? 0, part2AutoPoints: attempt.part2AutoPoints ?? 0 }, input.scores, config);
  // A regrade of a released attempt stays released; a finalised grade is held until release.
  const status = finalise ? (row.status === "released" ? "released" : "graded") : row.status;
  const data = {
    gradeScores: JSON.stringify(input.scores),
    gradeComment: input.comment,
    gradeVersion: input.version + 1,
    gradedById: actorId,
    // The first grade saved stores the plan it was saved under (lib/grading/blind.ts, effectivePlan).
    ...(row.doubleGrading === null ? { doubleGrading: "single" } : {}),
    ...(finalise ? { status, gradedAt: new Date(), part2Score: grade.part2Score, part3Score: grade.part3Score, finalScore: grade.finalScore, outcome: grade.outcome } : {}),
  };
  const written = await db.$transaction(async (tx) => {
    const { count } = await tx.assessmentAttempt.updateMany({ where: { id: input.attemptId, gradeVersion: input.version }, data });
    if (count === 0) return false;
    await tx.gradeEvent.create({
      data: {
        attemptId: input.attemptId,
        actorId,
        action: finalise ? "finalise" : "draft",
        scores: data.gradeScores,
        comment: input.comment,
        ...(finalise ? { part2Score: grade.part2Score, part3Score: grade.part3Score, finalScore: grade.finalScore, outcome: grade.outcome } : {}),
      },
    });
    if (finalise && status === "released") await queueStatements(tx, row.userId, releaseStatements({ ...row, ...grade }, new Date()));
    return true;
  });
  if (!written) return { ok: false, reason: "conflict" };
  // Certificates: a finalising regrade of a released attempt issues, revokes or re-activates
  // its certificate at once (a held grade waits for release, below).
  if (finalise && status === "released") await syncCertificateForAttempt(input.attemptId, config);
  return { ok: true, version: input.version + 1 };
}

/** Releases finalised grades to learners: one attempt, or every held one. */
export async function releaseGrades(actorId: string, target: { attemptId: string } | { all: true }): Promise<number> {
  const where = "attemptId" in target ? { id: target.attemptId, status: "graded" } : { status: "graded" };
  const rows = await db.assessmentAttempt.findMany({ where, select: { id: true, gradeVersion: true } });
  return (await releaseConfirmed(actorId, rows.map((r) => ({ attemptId: r.id, version: r.gradeVersion })))).length;
}

/**
 * Releases exactly what the grader confirmed: each attempt only if it is still held at the grade
 * version the confirmation showed (a regrade or a draft save in between bumps the version). Each
 * release is written with its grade_event in one transaction; returns the released ids.
 */
export async function releaseConfirmed(actorId: string, targets: { attemptId: string; version: number }[]): Promise<string[]> {
  const versions = new Map(targets.map((t) => [t.attemptId, t.version]));
  if (!versions.size) return [];
  const now = new Date();
  const released = await db.$transaction(async (tx) => {
    const rows = await tx.assessmentAttempt.findMany({
      where: { id: { in: [...versions.keys()] }, status: "graded" },
      select: { id: true, userId: true, number: true, gradeVersion: true, finalScore: true, outcome: true },
    });
    const ids: string[] = [];
    for (const row of rows) {
      if (row.gradeVersion !== versions.get(row.id)) continue;
      const { count } = await tx.assessmentAttempt.updateMany({
        where: { id: row.id, status: "graded", gradeVersion: row.gradeVersion },
        data: { status: "released", releasedAt: now },
      });
      if (!count) continue;
      await tx.gradeEvent.create({ data: { attemptId: row.id, actorId, action: "release", finalScore: row.finalScore, outcome: row.outcome, createdAt: now } });
      await queueStatements(tx, row.userId, releaseStatements(row, now), now);
      ids.push(row.id);
    }
    return ids;
  }, { timeout: 30_000 });
  // Certificates: issued for released scores at the certificate mark (lib/certificates).
  for (const id of released) await syncCertificateForAttempt(id);
  return released;
}

export type ReleasedItem = {
  id: string;
  number: number;
  learnerName: string;
  learnerEmail: string;
  finalScore: number | null;
  outcome: Outcome | null;
  releasedAt: Date;
  releasedBy: string;
};

/** The newest releases `scope` may see first (index status + releasedAt), each with who released it last. */
export async function releasedGrades(limit: number, scope: StaffScope): Promise<{ items: ReleasedItem[]; total: number }> {
  const where = { status: "released", releasedAt: { not: null }, ...ofLearners(scope) };
  const [rows, total] = await Promise.all([
    db.assessmentAttempt.findMany({
      where,
      orderBy: [{ releasedAt: "desc" }, { id: "asc" }],
      take: limit,
      select: {
        id: true,
        number: true,
        finalScore: true,
        outcome: true,
        releasedAt: true,
        user: { select: { name: true, email: true } },
        gradeEvents: { where: { action: "release" }, orderBy: { createdAt: "desc" }, take: 1, select: { actorId: true } },
      },
    }),
    db.assessmentAttempt.count({ where }),
  ]);
  const actorIds = [...new Set(rows.flatMap((r) => r.gradeEvents.map((e) => e.actorId)))];
  const actors = await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } });
  const names = new Map(actors.map((a) => [a.id, a.name]));
  const items = rows.map((r) => ({
    id: r.id,
    number: r.number,
    learnerName: r.user.name,
    learnerEmail: r.user.email,
    finalScore: r.finalScore,
    outcome: (r.outcome as Outcome | null) ?? null,
    releasedAt: r.releasedAt!,
    releasedBy: r.gradeEvents[0] ? (names.get(r.gradeEvents[0].actorId) ?? "（已删除）") : "—",
  }));
  return { items, total };
}
