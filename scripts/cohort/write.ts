import type { Prisma } from "@/lib/generated/prisma/client";
import { sittingActivity } from "./assessment";
import { DAY, trainerEmail, type CohortContext } from "./context";
import type { LearnerPlan } from "./plan";
import { simulateQuizAttempts } from "./quiz";
import { makeId, rngFor, type Rng } from "./random";
import { TRAINER_NAMES } from "./texts";
import type { CohortOrganisation } from "./organisation";
import type { TableRows } from "./writer";

// The rows of the cohort, a chunk of learners at a time, in insertion order (parents first). Big
// JSON (quiz reviews, papers) is only built for the chunk being written, so memory stays flat
// whatever the cohort size. seed-cohort.ts writes each chunk in one transaction.

function credential(rng: Rng, userId: string, password: string, at: Date): Prisma.AccountCreateManyInput {
  return { id: makeId(rng), accountId: userId, providerId: "credential", userId, password, createdAt: at, updatedAt: at };
}

export const makeTrainerIds = (seed: string): string[] => {
  const rng = rngFor(seed, "trainers");
  return TRAINER_NAMES.map(() => makeId(rng));
};

/** The trainers who graded the cohort (grade events and blind grades need an actor). */
export function trainerRows(ctx: CohortContext, password: string, org?: CohortOrganisation): TableRows[] {
  const rng = rngFor(ctx.seed, "trainer-accounts");
  const at = new Date(ctx.now - 200 * DAY);
  const users: Prisma.UserCreateManyInput[] = ctx.trainerIds.map((id, i) => ({
    id,
    name: TRAINER_NAMES[i],
    email: trainerEmail(i),
    role: "trainer",
    createdAt: at,
    updatedAt: at,
  }));
  return [
    ["user", users],
    ["account", users.map((u) => credential(rng, u.id, password, at))],
    ...(org?.tables((userId, when) => credential(rng, userId, password, when)) ?? []),
  ];
}

export type ChunkStats = { quizAttempts: number; quizScoreSum: number; rows: number };

export function chunkRows(ctx: CohortContext, plans: readonly LearnerPlan[], password: string, org?: CohortOrganisation): { tables: TableRows[]; stats: ChunkStats } {
  const users: Prisma.UserCreateManyInput[] = [];
  const accounts: Prisma.AccountCreateManyInput[] = [];
  const lessons: Prisma.LessonProgressCreateManyInput[] = [];
  const quizzes: Prisma.QuizAttemptCreateManyInput[] = [];
  const attempts: Prisma.AssessmentAttemptCreateManyInput[] = [];
  const answers: Prisma.AssessmentAnswerCreateManyInput[] = [];
  const events: Prisma.GradeEventCreateManyInput[] = [];
  const blindGrades: Prisma.BlindGradeCreateManyInput[] = [];
  const responses: Prisma.ItemResponseCreateManyInput[] = [];

  for (const plan of plans) {
    const rng = rngFor(ctx.seed, "rows", plan.index);
    const { id, name, email, createdAt } = plan;
    const user: Prisma.UserCreateManyInput = { id, name, email, role: "learner", departmentId: org?.leafOf(plan.index), createdAt, updatedAt: createdAt };
    users.push(user);
    accounts.push(credential(rng, id, password, createdAt));
    for (const lesson of plan.lessons) {
      lessons.push({ id: makeId(rng), userId: id, lessonKey: lesson.key, moduleSlug: lesson.moduleSlug, completedAt: new Date(lesson.at) });
    }
    const quiz = simulateQuizAttempts(ctx, rng, plan, plan.quizSlots);
    quizzes.push(...quiz.attempts);
    responses.push(...quiz.responses);
    for (const sitting of plan.assessments) {
      attempts.push({ ...sitting.row, paper: JSON.stringify(sitting.paper) });
      answers.push(...sitting.answers);
      events.push(...sitting.events);
      blindGrades.push(...sitting.blindGrades);
      responses.push(...sitting.responses);
    }
    // What the app keeps on the user row: the latest lesson, quiz or assessment activity.
    const activity = Math.max(
      ...plan.lessons.map((l) => l.at),
      ...quiz.attempts.map((q) => new Date(q.submittedAt!).getTime()),
      ...plan.assessments.map(sittingActivity),
    );
    if (Number.isFinite(activity)) user.lastActivityAt = new Date(activity);
  }

  const tables: TableRows[] = [
    ["user", users],
    ["account", accounts],
    ["lesson_progress", lessons],
    ["quiz_attempt", quizzes],
    ["assessment_attempt", attempts],
    ["assessment_answer", answers],
    ["grade_event", events],
    ["blind_grade", blindGrades],
    ["item_response", responses],
  ];
  const stats = {
    quizAttempts: quizzes.length,
    quizScoreSum: quizzes.reduce((sum, q) => sum + q.score, 0),
    rows: tables.reduce((sum, [, rows]) => sum + rows.length, 0),
  };
  return { tables, stats };
}
