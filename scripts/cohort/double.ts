import { createHash } from "node:crypto";
import { gradeFromRubric, type GradeConfig, type GradeResult, type RubricItem, type Scores } from "@/lib/assessment/scoring";
import { combinedComment, combinedScores, disputedCriteria, type BlindRole, type DoubleGradingPlan, type DoubleGradingSettings } from "@/lib/grading/double";
import type { Prisma } from "@/lib/generated/prisma/client";
import { MINUTE, type CohortContext } from "./context";
import { chance, clamp, makeId, normal, rngFor, uniform, type Rng } from "./random";
import { criterionComment, moderationComment, overallComment } from "./texts";

// Blind double grading in the cohort (decision 043), so the agreement page has something to
// show on a demo: a share of the attempts that reached grading are graded by two trainers, each
// with a leniency of their own and some noise around the attempt's quality per criterion; the
// attempt's grade follows lib/grading/double.ts exactly (the pair's mean when they agree within
// the tolerance, the moderator's points on disputed criteria), and the part scores, total and
// outcome come from the app's own scoring. Recent attempts may stand in between: waiting for
// the second grade, or disputed and waiting for a moderator.

/** What the seed writes as the `grading.double` setting; the rows below follow its tolerance. */
export const COHORT_DOUBLE_GRADING: DoubleGradingSettings = { share: 20, tolerance: 20 };
/** Of the attempts the share did not draw, those a trainer picked (设为双评). */
const PICKED = 0.03;
/** Each trainer's own leniency, in shares of a criterion's maximum. */
const LENIENCY = 0.05;
/** A grader's noise around the attempt's quality, in shares of a criterion's maximum. */
const NOISE = 0.04;

/** The double-grading stream of one attempt: its own, so drawing it leaves the rest of the cohort alone. */
export const doubleRng = (ctx: Pick<CohortContext, "seed">, attemptId: string): Rng => rngFor(ctx.seed, "double", attemptId);

/**
 * The plan stored when grading begins. "random" exactly when the app's own draw says so
 * (effectivePlan in lib/grading/blind.ts: a hash of the attempt's paper seed and id against the
 * share; repeated here because that module is server-only), so a seeded plan is the one the app
 * would have stored; a few of the others a trainer picked.
 */
export function drawPlan(rng: Rng, attempt: { id: string; seed: string }): DoubleGradingPlan {
  const draw = createHash("sha256").update(`double-grading:${attempt.seed}:${attempt.id}`).digest().readUInt32BE(0) % 100;
  if (draw < COHORT_DOUBLE_GRADING.share) return "random";
  return chance(rng, PICKED) ? "picked" : "single";
}

/** Trainer i's leniency (−5%…+5% of a criterion's maximum), the same for every attempt of a seed. */
export const leniencyOf = (seed: string, trainerIndex: number): number => uniform(rngFor(seed, "leniency", trainerIndex), -LENIENCY, LENIENCY);

const halfSteps = (x: number, max: number) => clamp(Math.round(x * 2) / 2, 0, max);

export type BlindGradeRow = Prisma.BlindGradeCreateManyInput & { role: BlindRole; comment: string; finalisedAt: Date | null; createdAt: Date; updatedAt: Date };

export type DoubleGradingInput = {
  ctx: CohortContext;
  rng: Rng;
  attemptId: string;
  items: readonly RubricItem[];
  /** The attempt's "true" share (0–1) of each criterion's maximum, by item key. */
  quality: Record<string, number>;
  auto: { part1Score: number; part2AutoPoints: number };
  config: GradeConfig;
  submittedAt: number;
  /** When the attempt is settled (the second grade or the moderation), if that is before now. */
  settledAt: number | null;
  /** For an attempt still in grading: when its latest blind grade was saved (before now). */
  lastSaveAt: number;
};

type Trail = {
  blindGrades: BlindGradeRow[];
  /** The attempt's history as lib/grading/blind.ts writes it: "blind" or "moderate" per finalised grade, then the settling event. */
  events: Prisma.GradeEventCreateManyInput[];
  /** The attempt's grade version: every blind save bumps it, and so does settling. */
  gradeVersion: number;
};

export type DoubleGradingResult =
  | (Trail & { settled: false; stage: "waiting" | "disputed" })
  | (Trail & { settled: true; scores: Scores; comment: string; grade: GradeResult; settledAt: number; settledBy: string; moderated: boolean; disputed: string[] });

type Grader = { id: string; leniency: number };

function pickGraders(ctx: CohortContext, rng: Rng, count: number): Grader[] {
  const order = ctx.trainerIds.map((_, i) => i);
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(rng() * (order.length - i));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order.slice(0, count).map((i) => ({ id: ctx.trainerIds[i], leniency: leniencyOf(ctx.seed, i) }));
}

export function simulateDoubleGrading(input: DoubleGradingInput): DoubleGradingResult {
  const { ctx, rng, items, quality, auto, config } = input;
  const { tolerance } = COHORT_DOUBLE_GRADING;
  const [first, second, moderator] = pickGraders(ctx, rng, 3);

  const score = (grader: Grader, scored: readonly RubricItem[]): Scores =>
    Object.fromEntries(
      scored.map((item) => {
        const points = halfSteps((quality[item.key] + grader.leniency + normal(rng, 0, NOISE)) * item.max, item.max);
        return [item.key, { points, comment: criterionComment(rng, points / item.max) }];
      }),
    );
  const overall = (scores: Scores) => overallComment(rng, gradeFromRubric(items, auto, scores, config).outcome);
  const row = (grader: Grader, role: BlindRole, scores: Scores, comment: string, savedAt: number, finalised: boolean): BlindGradeRow => ({
    id: makeId(rng),
    attemptId: input.attemptId,
    graderId: grader.id,
    role,
    scores: JSON.stringify(scores),
    comment,
    version: 1,
    finalisedAt: finalised ? new Date(savedAt) : null,
    createdAt: new Date(Math.max(input.submittedAt, savedAt - MINUTE * uniform(rng, 10, 60))), // opened, then saved
    updatedAt: new Date(savedAt),
  });

  const a = score(first, items);
  const b = score(second, items);
  const commentA = overall(a);
  const commentB = overall(b);
  const trail = (blindGrades: BlindGradeRow[], settle?: Prisma.GradeEventCreateManyInput): Trail => {
    const events = blindGrades
      .filter((g) => g.finalisedAt)
      .map((g): Prisma.GradeEventCreateManyInput => ({
        id: makeId(rng),
        attemptId: input.attemptId,
        actorId: g.graderId,
        action: g.role === "moderator" ? "moderate" : "blind",
        scores: g.scores,
        comment: g.comment,
        createdAt: g.finalisedAt!,
      }));
    if (settle) events.push(settle);
    return { blindGrades, events, gradeVersion: blindGrades.reduce((n, g) => n + Number(g.version), 0) + (settle ? 1 : 0) };
  };

  if (input.settledAt === null) {
    // Still in grading. Waiting for the second grader (who may have a draft), or disputed and
    // waiting for a moderator (pushed into dispute if this pair happened to agree).
    const end = input.lastSaveAt;
    if (chance(rng, 0.5)) {
      const blindGrades = [row(first, "first", a, commentA, end, true)];
      if (chance(rng, 0.5)) {
        const begun = Object.fromEntries(Object.entries(b).slice(0, Math.ceil(items.length * uniform(rng, 0.2, 0.8))));
        blindGrades.push(row(second, "second", begun, "", uniform(rng, end, ctx.now), false));
      }
      return { settled: false, stage: "waiting", ...trail(blindGrades) };
    }
    if (disputedCriteria(items, a, b, tolerance).length === 0) forceDispute(rng, items, a, b, tolerance);
    const firstAt = uniform(rng, input.submittedAt + MINUTE, end);
    return { settled: false, stage: "disputed", ...trail([row(first, "first", a, commentA, firstAt, true), row(second, "second", b, commentB, end, true)]) };
  }

  const settledAt = input.settledAt;
  const span = settledAt - input.submittedAt;
  const disputed = disputedCriteria(items, a, b, tolerance);
  const settle = (by: Grader, moderated: boolean, scores: Scores, comment: string, blindGrades: BlindGradeRow[]): DoubleGradingResult => {
    const grade = gradeFromRubric(items, auto, scores, config);
    const event: Prisma.GradeEventCreateManyInput = {
      id: makeId(rng),
      attemptId: input.attemptId,
      actorId: by.id,
      action: moderated ? "settle-moderated" : "settle-agreed",
      scores: JSON.stringify(scores),
      comment,
      ...grade,
      createdAt: new Date(settledAt),
    };
    return { settled: true, scores, comment, grade, settledAt, settledBy: by.id, moderated, disputed, ...trail(blindGrades, event) };
  };
  if (disputed.length === 0) {
    const firstAt = input.submittedAt + span * uniform(rng, 0.2, 0.8);
    const blindGrades = [row(first, "first", a, commentA, firstAt, true), row(second, "second", b, commentB, settledAt, true)];
    return settle(second, false, combinedScores(items, a, b), combinedComment(commentA, commentB), blindGrades);
  }
  const m = score(moderator, items.filter((i) => disputed.includes(i.key)));
  const commentM = moderationComment(rng);
  const firstAt = input.submittedAt + span * uniform(rng, 0.1, 0.5);
  const secondAt = firstAt + (settledAt - firstAt) * uniform(rng, 0.2, 0.8);
  const blindGrades = [row(first, "first", a, commentA, firstAt, true), row(second, "second", b, commentB, secondAt, true), row(moderator, "moderator", m, commentM, settledAt, true)];
  return settle(moderator, true, combinedScores(items, a, b, m, disputed), combinedComment(commentA, commentB, commentM), blindGrades);
}

/** Moves the second grader's points on one criterion just beyond the tolerance from the first's. */
function forceDispute(rng: Rng, items: readonly RubricItem[], a: Scores, b: Scores, tolerance: number) {
  const item = items[Math.floor(rng() * items.length)];
  const gap = Math.floor(((item.max * tolerance) / 100) * 2) / 2 + 0.5; // the smallest half step beyond it
  const from = a[item.key].points;
  const points = from + gap <= item.max && (from - gap < 0 || chance(rng, 0.5)) ? from + gap : from - gap;
  b[item.key] = { points, comment: criterionComment(rng, points / item.max) };
}
