import { lessonSequence } from "@/lib/content/navigation";
import { simulateAssessments, type SimAttempt } from "./assessment";
import { DAY, MINUTE, learnerEmail, type CohortContext } from "./context";
import { chance, exponential, makeId, normal, rngFor, sigmoid, uniform, type Rng } from "./random";
import type { QuizSlot } from "./quiz";
import { personName } from "./texts";

// The shape of the cohort, decided before any row is written: who enrolled when, how far each
// learner got (a per-lesson drop-out hazard, higher at module boundaries, so completions fall
// module by module), the final assessment of those who finished, and how the quiz budget
// (--attempts minus assessment sittings) spreads over the modules learners completed.

export type LearnerPlan = {
  index: number;
  id: string;
  name: string;
  email: string;
  createdAt: Date;
  theta: number;
  lessons: { key: string; moduleSlug: string; at: number }[];
  quizSlots: QuizSlot[];
  assessments: SimAttempt[];
};

export function planLearner(ctx: CohortContext, index: number, count: number): LearnerPlan {
  const rng = rngFor(ctx.seed, "plan", index);
  const id = makeId(rng);
  // Motivation drives how far a learner gets; ability (correlated with it) drives scores.
  const motivation = normal(rng);
  const theta = 0.5 * motivation + Math.sqrt(0.75) * normal(rng);
  const enrolledAt = ctx.now - DAY * uniform(rng, 0.5, 180);
  const lessons = simulateLessons(ctx, rng, motivation, enrolledAt);

  const quizSlots: QuizSlot[] = [];
  ctx.course.modules.forEach((mod, moduleIndex) => {
    const done = lessons.filter((l) => l.moduleSlug === mod.slug);
    if (done.length === mod.lessons.length && chance(rng, sigmoid(1.7 + 0.8 * motivation))) {
      quizSlots.push({ moduleIndex, doneAt: Math.max(...done.map((l) => l.at)), count: 0 });
    }
  });
  const total = lessonSequence(ctx.course).length;
  const finishedAt = lessons.length === total ? lessons[lessons.length - 1].at : undefined;
  const assessments = finishedAt === undefined ? [] : simulateAssessments(ctx, rng, { id, theta, finishedAt });
  return {
    index,
    id,
    name: personName(rngFor(ctx.seed, "name", index)),
    email: learnerEmail(index, count),
    createdAt: new Date(enrolledAt),
    theta,
    lessons,
    quizSlots,
    assessments,
  };
}

function simulateLessons(ctx: CohortContext, rng: Rng, motivation: number, enrolledAt: number) {
  const lessons: LearnerPlan["lessons"] = [];
  if (chance(rng, 0.05)) return lessons; // signed up, never opened a lesson
  const hazard = sigmoid(-4.3 - 0.8 * motivation);
  const boundary = sigmoid(-2.6 - 0.6 * motivation);
  const pace = DAY * Math.exp(normal(rng, Math.log(0.6), 0.7)); // mean gap between lessons
  let at = enrolledAt + exponential(rng, DAY / 3);
  for (const mod of ctx.course.modules) {
    for (const [i, lesson] of mod.lessons.entries()) {
      if (lessons.length > 0 && chance(rng, i === 0 ? hazard + boundary : hazard)) return lessons;
      if (lessons.length > 0) at += exponential(rng, pace) + (chance(rng, 0.03) ? exponential(rng, 10 * DAY) : 0);
      if (at >= ctx.now - MINUTE) return lessons; // still going: not there yet
      lessons.push({ key: lesson.key, moduleSlug: mod.slug, at });
    }
  }
  return lessons;
}

/**
 * Spreads `budget` attempts over slots: one each first (or a random subset when the budget is
 * smaller), then retakes, weighted towards weaker learners with each further retake less
 * likely. Each slot is a stream of retake times whose rate decays; the earliest `extra` times
 * overall win, which keeps every slot's retakes a prefix of its stream. Exactly `budget` are
 * placed whenever there is at least one slot.
 */
export function allocate(rng: Rng, weights: readonly number[], budget: number): number[] {
  const n = weights.length;
  const counts = new Array<number>(n).fill(0);
  if (n === 0 || budget <= 0) return counts;
  if (budget <= n) {
    const order = weights.map((_, i) => i);
    for (let i = 0; i < budget; i++) {
      const j = i + Math.floor(rng() * (n - i));
      [order[i], order[j]] = [order[j], order[i]];
      counts[order[i]] = 1;
    }
    return counts;
  }
  counts.fill(1);
  const extra = budget - n;
  const perSlot = Math.ceil(extra / n) + 4;
  const times = new Float64Array(n * perSlot);
  for (let i = 0; i < n; i++) {
    let t = 0;
    for (let k = 0; k < perSlot; k++) {
      t += exponential(rng, 1) * (k + 1) / weights[i];
      times[i * perSlot + k] = t;
    }
  }
  const order = Array.from({ length: times.length }, (_, i) => i).sort((a, b) => times[a] - times[b]);
  for (let e = 0; e < extra; e++) counts[Math.floor(order[e] / perSlot)]++;
  return counts;
}

/** Plans every learner; assessment sittings are cut (latest learners first) to fit the budget. */
export function planCohort(ctx: CohortContext, count: number, budget: number): LearnerPlan[] {
  const plans = Array.from({ length: count }, (_, i) => planLearner(ctx, i, count));
  let sittings = plans.reduce((sum, p) => sum + p.assessments.length, 0);
  for (let i = plans.length - 1; i >= 0 && sittings > budget; i--) {
    sittings -= plans[i].assessments.length;
    plans[i].assessments = [];
  }
  const slots = plans.flatMap((plan) => plan.quizSlots.map((slot) => ({ slot, weight: Math.exp(-0.9 * plan.theta) })));
  const counts = allocate(rngFor(ctx.seed, "quiz-budget"), slots.map((s) => s.weight), budget - sittings);
  slots.forEach(({ slot }, i) => (slot.count = counts[i]));
  return plans;
}
