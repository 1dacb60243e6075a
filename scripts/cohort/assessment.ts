import { part1Responses } from "@/lib/item-responses/rows";
import { gradeAtSubmission } from "@/lib/assessment/scoring";
import { drawPaper, type Paper } from "@/lib/assessment/paper";
import { finalScore, outcome, rubricItems, type Outcome } from "@/lib/assessment/scoring";
import { isDoubleGraded } from "@/lib/grading/double";
import type { AttemptStatus } from "@/lib/assessment/schema";
import { PLAN_SECTIONS } from "@/lib/content/question-schema";
import type { Prisma } from "@/lib/generated/prisma/client";
import { DAY, MINUTE, type CohortContext } from "./context";
import { chance, clamp, exponential, makeId, makeUuid, normal, pick, sigmoid, uniform, type Rng } from "./random";
import { doubleRng, drawPlan, simulateDoubleGrading, type BlindGradeRow } from "./double";
import { respond } from "./responses";
import { caseAnswer, criterionComment, overallComment, planSection } from "./texts";
import { part1Key, part2Key, part3Key } from "@/lib/assessment/item-keys";

// Final-assessment sittings of one learner who finished the course: a real paper from
// drawPaper, answers saved as the attempt page saves them, part 1 and the case's choice points
// graded by the app's own gradeAtSubmission, rubric grades by a trainer (or by two, blind, see
// double.ts), and the total and outcome from lib/assessment/scoring.ts. The status follows from
// the times: a sitting still running is in_progress, one not yet graded submitted, one graded
// but held graded.

export type SimAttempt = {
  row: Omit<Prisma.AssessmentAttemptCreateManyInput, "paper">;
  status: AttemptStatus;
  outcome: Outcome | null;
  paper: Paper;
  answers: Prisma.AssessmentAnswerCreateManyInput[];
  events: Prisma.GradeEventCreateManyInput[];
  /** Blind grades of a double-graded sitting (scripts/cohort/double.ts). */
  blindGrades: BlindGradeRow[];
  /** Part 1's item responses, as lib/assessment/queries.ts stores them at submission. */
  responses: Prisma.ItemResponseCreateManyInput[];
};

/**
 * The sitting's part in the learner's last activity, as the app records it: the submission,
 * unless time ran out (then, like an open sitting, the last answer saved, else the start).
 */
export function sittingActivity(sitting: SimAttempt): number {
  const { submittedAt, autoSubmitted, startedAt } = sitting.row;
  if (submittedAt && !autoSubmitted) return new Date(submittedAt).getTime();
  const saves = sitting.answers.map((a) => new Date(a.updatedAt!).getTime());
  return saves.length ? Math.max(...saves) : new Date(startedAt!).getTime();
}

type Learner = { id: string; theta: number; finishedAt: number };

export function simulateAssessments(ctx: CohortContext, rng: Rng, learner: Learner): SimAttempt[] {
  const attempts: SimAttempt[] = [];
  if (chance(rng, 0.06)) return attempts; // finished the lessons, never sat the assessment
  const grader = pick(rng, ctx.trainerIds);
  let earliest = learner.finishedAt;
  let start = earliest + DAY * (0.1 + exponential(rng, 3));
  for (let number = 1; number <= ctx.assessment.config.attemptsAllowed; number++) {
    if (start > ctx.now) {
      // Not started yet; a few are sitting it right now.
      const from = Math.max(earliest, ctx.now - 110 * MINUTE);
      if (from > ctx.now - 2 * MINUTE || !chance(rng, 0.5)) break;
      start = uniform(rng, from, ctx.now - MINUTE);
    }
    const attempt = simulateAttempt(ctx, rng, learner, number, start, grader);
    attempts.push(attempt);
    if (attempt.outcome !== "failed" || attempt.status !== "released" || !chance(rng, 0.6)) break;
    earliest = (attempt.row.releasedAt as Date).getTime();
    start = earliest + DAY * (0.5 + exponential(rng, 5));
  }
  return attempts;
}

function simulateAttempt(ctx: CohortContext, rng: Rng, learner: Learner, number: number, startedAt: number, grader: string): SimAttempt {
  const { config } = ctx.assessment;
  const id = makeId(rng);
  const seed = makeUuid(rng);
  const paper = drawPaper(ctx.assessment, seed);
  const deadlineAt = startedAt + config.timeLimitMinutes * MINUTE;
  // Finishing the course helps, and so does a first try (and its feedback) before a second.
  const theta = learner.theta + 0.3 + 0.35 * (number - 1);
  const autoSubmitted = chance(rng, 0.05 + 0.05 * sigmoid(-theta));
  const duration = autoSubmitted ? config.timeLimitMinutes * MINUTE : MINUTE * uniform(rng, 45, config.timeLimitMinutes - 2);
  const inProgress = startedAt + duration > ctx.now;
  const elapsed = Math.min(duration, ctx.now - startedAt);

  // Answers in the order of the paper, each saved when reached; an open sitting has a prefix.
  const answers: Prisma.AssessmentAnswerCreateManyInput[] = [];
  const slots: { itemKey: string; value: () => string[] | string }[] = [
    ...paper.part1.map(({ question }) => ({ itemKey: part1Key(question.id), value: () => respond(rng, ctx.seed, question, theta, 1.0, 0.01) })),
    ...paper.case.study.questions.map((q) => ({
      itemKey: part2Key(q.id),
      value: () => (q.kind === "choice" ? respond(rng, ctx.seed, q, theta, 0.6, 0.01) : caseAnswer(rng, sigmoid(theta))),
    })),
    ...PLAN_SECTIONS.map((section, i) => ({ itemKey: part3Key(i), value: () => planSection(rng, section, sigmoid(theta)) })),
  ];
  // Out of time: the last plan sections were never written.
  const reached = autoSubmitted ? slots.length - 1 - Math.floor(rng() * 3) : slots.length;
  slots.forEach((slot, i) => {
    const at = startedAt + ((i + 1) / (slots.length + 1)) * duration;
    if (i >= reached || at > startedAt + elapsed) return;
    const value = slot.value();
    if (Array.isArray(value) && value.length === 0) return; // left blank: nothing saved
    answers.push({ id: makeId(rng), attemptId: id, itemKey: slot.itemKey, value: JSON.stringify(value), updatedAt: new Date(at) });
  });

  const row: SimAttempt["row"] = { id, userId: learner.id, number, seed, startedAt: new Date(startedAt), deadlineAt: new Date(deadlineAt) };
  if (inProgress) return { row: { ...row, status: "in_progress" }, status: "in_progress", outcome: null, paper, answers, events: [], blindGrades: [], responses: [] };

  // Time-outs are submitted when the attempt is next loaded, a little after the deadline.
  const submittedAt = autoSubmitted ? deadlineAt + MINUTE * uniform(rng, 0.2, 30) : startedAt + duration;
  const record = Object.fromEntries(answers.map((a) => [a.itemKey, JSON.parse(a.value) as unknown]));
  const auto = gradeAtSubmission(paper, record);
  const submitted = { ...row, submittedAt: new Date(submittedAt), autoSubmitted, part1Score: auto.part1Score, part2AutoPoints: auto.part2AutoPoints };
  const responses = part1Responses(paper, auto.part1Results, auto.part1Score, number === 1).map((r) => ({ ...r, assessmentAttemptId: id, userId: learner.id }));
  // Trainers grade within days; some papers sit in a backlog for weeks. A grader may have
  // saved a draft first, and some papers still waiting have a draft of the first criteria.
  const gradedAt = submittedAt + DAY * (0.05 + exponential(rng, 3) + (chance(rng, 0.15) ? exponential(rng, 14) : 0));
  const finalised = gradedAt <= ctx.now;
  const draftAt = finalised ? gradedAt - MINUTE * uniform(rng, 10, 90) : uniform(rng, submittedAt, ctx.now);
  const drafted = chance(rng, finalised ? 0.3 : 0.2) && draftAt > submittedAt;
  // Whether it is double graded is decided once, when grading begins (scripts/cohort/double.ts).
  // Blind grades take longer to settle: most double-graded papers still waiting have one under way.
  const doubled = doubleRng(ctx, id);
  const doubleGrading = drawPlan(doubled, { id, seed });
  const begun = finalised || (isDoubleGraded(doubleGrading) ? draftAt > submittedAt && chance(doubled, 0.7) : drafted);
  if (!begun) return { row: { ...submitted, status: "submitted" }, status: "submitted", outcome: null, paper, answers, events: [], blindGrades: [], responses };

  const items = rubricItems(paper);
  // The attempt's merit per criterion (log-odds of the share of its points it deserves).
  const merit = Object.fromEntries(items.map((item) => [item.key, 0.7 * theta + 1.15 - (autoSubmitted ? 0.6 : 0) + normal(rng, 0, 0.55)]));
  const graded = { ...submitted, doubleGrading };
  const base = { paper, answers, responses };
  const event = (action: string, at: number, fields: Partial<Prisma.GradeEventCreateManyInput>, actorId = grader): Prisma.GradeEventCreateManyInput => ({
    id: makeId(rng),
    attemptId: id,
    actorId,
    action,
    createdAt: new Date(at),
    ...fields,
  });
  const releasedAt = gradedAt + DAY * (0.02 + exponential(rng, 2));

  if (isDoubleGraded(doubleGrading)) {
    const double = simulateDoubleGrading({
      ctx,
      rng: doubled,
      attemptId: id,
      items,
      quality: Object.fromEntries(items.map((item) => [item.key, sigmoid(merit[item.key])])),
      auto,
      config,
      submittedAt,
      settledAt: finalised ? gradedAt : null,
      lastSaveAt: draftAt,
    });
    if (!double.settled) {
      const row = { ...graded, status: "submitted" as const, gradeVersion: double.gradeVersion };
      return { ...base, row, status: "submitted", outcome: null, events: double.events, blindGrades: double.blindGrades };
    }
    const { grade, settledBy } = double;
    const released = releasedAt <= ctx.now;
    const events = [...double.events];
    if (released) events.push(event("release", releasedAt, { finalScore: grade.finalScore, outcome: grade.outcome }, settledBy));
    const status: AttemptStatus = released ? "released" : "graded";
    return {
      ...base,
      row: {
        ...graded,
        status,
        ...grade,
        gradeScores: JSON.stringify(double.scores),
        gradeComment: double.comment,
        gradeVersion: double.gradeVersion,
        gradedById: settledBy,
        gradedAt: new Date(double.settledAt),
        releasedAt: released ? new Date(releasedAt) : null,
      },
      status,
      outcome: grade.outcome,
      events,
      blindGrades: double.blindGrades,
    };
  }

  // Rubric grades by one trainer: better learners earn a larger share of each criterion's points.
  const leniency = normal(rng, 0, 0.2);
  const gradeScores: Record<string, { points: number; comment: string }> = {};
  const grade = (part: 2 | 3) => {
    let sum = 0;
    for (const item of items.filter((i) => i.part === part)) {
      const share = clamp(sigmoid(merit[item.key] + leniency), 0, 1);
      const points = Math.round(share * item.max);
      gradeScores[item.key] = { points, comment: criterionComment(rng, points / item.max) };
      sum += points;
    }
    return sum;
  };
  const part2Score = auto.part2AutoPoints + grade(2);
  const part3Score = grade(3);
  const total = finalScore({ part1: auto.part1Score, part2: part2Score, part3: part3Score }, config.weights);
  const result = outcome(total, config);
  // Events carry what lib/grading/queries.ts records: drafts the scores, finalisations the
  // results too, releases the total and outcome.
  if (!finalised) {
    const entries = Object.entries(gradeScores);
    const partial = JSON.stringify(Object.fromEntries(entries.slice(0, Math.ceil(entries.length * uniform(rng, 0.2, 0.8)))));
    return {
      ...base,
      row: { ...graded, status: "submitted", gradeScores: partial, gradeComment: "", gradeVersion: 1, gradedById: grader },
      status: "submitted",
      outcome: null,
      events: [event("draft", draftAt, { scores: partial, comment: "" })],
      blindGrades: [],
    };
  }

  const gradeComment = overallComment(rng, result);
  const released = releasedAt <= ctx.now;
  const scores = JSON.stringify(gradeScores);
  const events = drafted ? [event("draft", draftAt, { scores, comment: gradeComment })] : [];
  events.push(event("finalise", gradedAt, { scores, comment: gradeComment, part2Score, part3Score, finalScore: total, outcome: result }));
  if (released) events.push(event("release", releasedAt, { finalScore: total, outcome: result }));

  const status: AttemptStatus = released ? "released" : "graded";
  return {
    row: {
      ...graded,
      status,
      part2Score,
      part3Score,
      finalScore: total,
      outcome: result,
      gradeScores: scores,
      gradeComment,
      gradeVersion: events.filter((e) => e.action !== "release").length,
      gradedById: grader,
      gradedAt: new Date(gradedAt),
      releasedAt: released ? new Date(releasedAt) : null,
    },
    status,
    outcome: result,
    paper,
    answers,
    events,
    blindGrades: [],
    responses,
  };
}
