import { quizResponses } from "@/lib/item-responses/rows";
import type { Prisma } from "@/lib/generated/prisma/client";
import { gradeQuiz } from "@/lib/quiz/review";
import { DAY, MINUTE, type CohortContext } from "./context";
import { chance, exponential, makeId, uniform, type Rng } from "./random";
import { respond } from "./responses";

/** A module whose lessons a learner finished, and how many times they take its quiz. */
export type QuizSlot = { moduleIndex: number; doneAt: number; count: number };

/**
 * Module-quiz attempts graded and reviewed by the same gradeQuiz as lib/quiz/actions.ts, with the
 * item responses lib/quiz/queries.ts stores beside each (a slot's first try comes first in time).
 */
export function simulateQuizAttempts(
  ctx: CohortContext,
  rng: Rng,
  learner: { id: string; theta: number },
  slots: readonly QuizSlot[],
): { attempts: Prisma.QuizAttemptCreateManyInput[]; responses: Prisma.ItemResponseCreateManyInput[] } {
  const rows: Prisma.QuizAttemptCreateManyInput[] = [];
  const responses: Prisma.ItemResponseCreateManyInput[] = [];
  for (const slot of slots) {
    const moduleSlug = ctx.course.modules[slot.moduleIndex].slug;
    const questions = ctx.quizzes[slot.moduleIndex];
    let previous = slot.doneAt;
    for (let k = 0; k < slot.count; k++) {
      // The first try soon after the module's last lesson; retakes right away or days later.
      let at = previous + (k === 0 ? MINUTE * 2 + exponential(rng, DAY / 4) : chance(rng, 0.5) ? MINUTE * uniform(rng, 3, 20) : exponential(rng, 1.5 * DAY));
      if (at >= ctx.now) at = previous + (ctx.now - previous) * uniform(rng, 0.2, 0.9);
      previous = at;
      // Each retake follows a review of the explanations, so it goes a little better.
      const theta = learner.theta + 0.4 * k;
      const answers = Object.fromEntries(questions.map((q) => [q.id, respond(rng, ctx.seed, q, theta, 1.1, 0.003)]));
      const { correct, total, score, review } = gradeQuiz(questions, answers);
      const id = makeId(rng);
      rows.push({ id, userId: learner.id, moduleSlug, correct, total, score, review: JSON.stringify(review), submittedAt: new Date(at) });
      for (const response of quizResponses(moduleSlug, score, review, k === 0)) responses.push({ ...response, quizAttemptId: id, userId: learner.id });
    }
  }
  return { attempts: rows, responses };
}
