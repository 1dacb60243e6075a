import type Database from "better-sqlite3";
import type { Prisma } from "@/lib/generated/prisma/client";
import { sittingActivity } from "./assessment";
import { bulkInserter } from "./bulk";
import { DAY, trainerEmail, type CohortContext } from "./context";
import type { LearnerPlan } from "./plan";
import { simulateQuizAttempts } from "./quiz";
import { makeId, rngFor, type Rng } from "./random";
import { TRAINER_NAMES } from "./texts";

// One transaction per chunk of learners. Big JSON (quiz reviews, papers) is only built for the
// chunk being written, so memory stays flat whatever the cohort size.

function credential(rng: Rng, userId: string, password: string, at: Date): Prisma.AccountCreateManyInput {
  return { id: makeId(rng), accountId: userId, providerId: "credential", userId, password, createdAt: at, updatedAt: at };
}

export const makeTrainerIds = (seed: string): string[] => {
  const rng = rngFor(seed, "trainers");
  return TRAINER_NAMES.map(() => makeId(rng));
};

/** The trainers who graded the cohort (grade events need an actor). */
export function writeTrainers(sqlite: Database.Database, ctx: CohortContext, password: string): void {
  const insert = bulkInserter(sqlite);
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
  sqlite.transaction(() => {
    insert("user", users);
    insert("account", users.map((u) => credential(rng, u.id, password, at)));
  })();
}

export type ChunkStats = { quizAttempts: number; quizScoreSum: number; rows: number };

export function writeChunk(sqlite: Database.Database, ctx: CohortContext, plans: readonly LearnerPlan[], password: string): ChunkStats {
  const users: Prisma.UserCreateManyInput[] = [];
  const accounts: Prisma.AccountCreateManyInput[] = [];
  const lessons: Prisma.LessonProgressCreateManyInput[] = [];
  const quizzes: Prisma.QuizAttemptCreateManyInput[] = [];
  const attempts: Prisma.AssessmentAttemptCreateManyInput[] = [];
  const answers: Prisma.AssessmentAnswerCreateManyInput[] = [];
  const events: Prisma.GradeEventCreateManyInput[] = [];
  const responses: Prisma.ItemResponseCreateManyInput[] = [];

  for (const plan of plans) {
    const rng = rngFor(ctx.seed, "rows", plan.index);
    const { id, name, email, createdAt } = plan;
    const user: Prisma.UserCreateManyInput = { id, name, email, role: "learner", createdAt, updatedAt: createdAt };
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

  const insert = bulkInserter(sqlite);
  sqlite.transaction(() => {
    insert("user", users);
    insert("account", accounts);
    insert("lesson_progress", lessons);
    insert("quiz_attempt", quizzes);
    insert("assessment_attempt", attempts);
    insert("assessment_answer", answers);
    insert("grade_event", events);
    insert("item_response", responses);
  })();

  return {
    quizAttempts: quizzes.length,
    quizScoreSum: quizzes.reduce((sum, q) => sum + q.score, 0),
    rows: users.length + accounts.length + lessons.length + quizzes.length + attempts.length + answers.length + events.length + responses.length,
  };
}
