import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { verifyPassword } from "better-auth/crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { auth } from "@/lib/auth/auth";
import { assignmentStates } from "@/lib/assignments/progress";
import { db } from "@/lib/db";
import { gradeAtSubmission } from "@/lib/assessment/scoring";
import { answerSlots, drawPaper } from "@/lib/assessment/paper";
import { listAttempts } from "@/lib/assessment/attempts";
import { computeGrade, finalScore, outcome, rubricItems, type Scores } from "@/lib/assessment/scoring";
import { combinedScores, disputedCriteria, doubleGradingSettingsSchema } from "@/lib/grading/double";
import { readAssessment, loadModuleQuiz, type AssessmentContent } from "@/lib/content/banks";
import { loadCourse } from "@/lib/content/load";
import { isCorrect } from "@/lib/quiz/grade";
import type { QuizReviewItem } from "@/lib/quiz/schema";
import { backfill } from "@/scripts/backfill";
import { CohortExistsError, seedCohort } from "@/scripts/seed-cohort";

const cohort = { email: { endsWith: "@cohort.example.com" } };
const quiet = { log: () => {} };
const SMALL = { learners: 50, attempts: 200, seed: "test", reset: false, ...quiet };

let content: AssessmentContent;

beforeAll(async () => {
  content = readAssessment().content!;
  await seedCohort(SMALL);
}, 120_000);

async function fingerprint() {
  const users = await db.user.findMany({
    where: { ...cohort, role: "learner" },
    orderBy: { email: "asc" },
    include: { lessonProgress: { select: { lessonKey: true } }, quizAttempts: { select: { moduleSlug: true, score: true } }, assessments: { select: { number: true, status: true, seed: true, finalScore: true, doubleGrading: true, blindGrades: { select: { graderId: true, role: true, scores: true } } } } },
  });
  return users.map((u) => ({
    email: u.email,
    name: u.name,
    lessons: u.lessonProgress.map((l) => l.lessonKey).sort(),
    quizzes: u.quizAttempts.map((q) => `${q.moduleSlug}:${q.score}`).sort(),
    assessments: u.assessments.sort((a, b) => a.number - b.number),
  }));
}

describe("npm run seed:cohort (small)", () => {
  it("creates the learners, their trainers and credential accounts sharing one hash of cohort123", async () => {
    expect(await db.user.count({ where: { ...cohort, role: "learner" } })).toBe(50);
    expect(await db.user.count({ where: { ...cohort, role: "trainer" } })).toBe(5);
    const first = await db.user.findUniqueOrThrow({ where: { email: "learner00001@cohort.example.com" } });
    expect(first.role).toBe("learner");
    expect(await db.user.count({ where: { ...cohort, role: "dept_head" } })).toBe(8);
    const accounts = await db.account.findMany({ where: { user: cohort } });
    expect(accounts).toHaveLength(63);
    expect(accounts.every((a) => a.providerId === "credential" && a.accountId === a.userId)).toBe(true);
    expect(new Set(accounts.map((a) => a.password)).size).toBe(1);
    expect(await verifyPassword({ hash: accounts[0].password!, password: "cohort123" })).toBe(true);
    const signedIn = await auth.api.signInEmail({ body: { email: "learner00050@cohort.example.com", password: "cohort123" } });
    expect(signedIn.user.email).toBe("learner00050@cohort.example.com");
  });

  it("builds a company of 3 levels, 40 leaf departments holding every learner, heads over the 大区, and 学习任务 due before and after now", async () => {
    const departments = await db.department.findMany({ where: { id: { startsWith: "cohort-" } }, include: { _count: { select: { children: true } } } });
    expect(departments.filter((d) => d.depth === 0).map((d) => d.name)).toEqual(["京东商城"]);
    expect(departments.filter((d) => d.depth === 1)).toHaveLength(8);
    const leaves = departments.filter((d) => d.depth === 2);
    expect(leaves).toHaveLength(40);
    expect(leaves.every((d) => d._count.children === 0 && d.path.startsWith("cohort-d-0/"))).toBe(true);
    const learners = await db.user.findMany({ where: { ...cohort, role: "learner" }, select: { departmentId: true } });
    expect(learners.every((l) => leaves.some((d) => d.id === l.departmentId))).toBe(true);
    expect(new Set(learners.map((l) => l.departmentId)).size).toBeGreaterThan(20);
    const heads = await db.user.findMany({ where: { ...cohort, role: "dept_head" }, include: { department: true } });
    expect(heads.every((h) => h.department?.depth === 1)).toBe(true);
    const assignments = await db.assignment.findMany({ where: { id: { startsWith: "cohort-" } }, include: { targets: true } });
    expect(assignments.map((a) => a.scope).sort()).toEqual(["assessment", "course", "modules", "modules"]);
    expect(assignments.some((a) => a.dueAt.getTime() < Date.now())).toBe(true);
    expect(assignments.some((a) => a.dueAt.getTime() > Date.now())).toBe(true);
    expect(assignments.every((a) => a.targets.length > 0 && a.targets.every((t) => t.departmentId))).toBe(true);
    // Overdue learners exist, as the department report will show them.
    const states = await assignmentStates({ assignmentIds: assignments.map((a) => a.id) });
    expect(states.some((s) => s.state.status === "overdue")).toBe(true);
    expect(states.some((s) => s.state.status !== "overdue")).toBe(true);
  });

  it("makes exactly the requested number of quiz + assessment attempts", async () => {
    const quizzes = await db.quizAttempt.count({ where: { user: cohort } });
    const sittings = await db.assessmentAttempt.count({ where: { user: cohort } });
    expect(quizzes + sittings).toBe(200);
    expect(quizzes).toBeGreaterThan(0);
  });

  it("records progress as a funnel: quizzes only for finished modules, the assessment only after the course", async () => {
    const course = loadCourse();
    const all = course.modules.flatMap((m) => m.lessons.map((l) => l.key));
    const learners = await db.user.findMany({ where: { ...cohort, role: "learner" }, include: { lessonProgress: true, quizAttempts: true, assessments: true } });
    for (const learner of learners) {
      const keys = learner.lessonProgress.map((l) => l.lessonKey);
      expect(keys.every((k) => all.includes(k))).toBe(true);
      for (const quiz of learner.quizAttempts) {
        const mod = course.modules.find((m) => m.slug === quiz.moduleSlug)!;
        const done = learner.lessonProgress.filter((l) => l.moduleSlug === mod.slug);
        expect(done).toHaveLength(mod.lessons.length);
        expect(quiz.submittedAt.getTime()).toBeGreaterThan(Math.max(...done.map((l) => l.completedAt.getTime())));
        expect(quiz.submittedAt.getTime()).toBeGreaterThan(learner.createdAt.getTime());
      }
      if (learner.assessments.length) expect(keys).toHaveLength(all.length);
    }
    const started = learners.filter((l) => l.lessonProgress.length > 0).length;
    const finished = learners.filter((l) => l.lessonProgress.length === all.length).length;
    expect(started).toBeGreaterThan(finished);
    expect(finished).toBeGreaterThan(0);
  });

  it("stores quiz reviews in the shape lib/quiz/actions.ts writes, graded consistently", async () => {
    const course = loadCourse();
    const rows = await db.quizAttempt.findMany({ where: { user: cohort } });
    for (const row of rows) {
      const bank = loadModuleQuiz(course, row.moduleSlug);
      const review = JSON.parse(row.review) as QuizReviewItem[];
      expect(review.map((r) => Object.keys(r))).toEqual(
        bank.map(() => ["id", "version", "prompt", "type", "options", "answer", "chosen", "correct", "explanation", "lesson"]),
      );
      expect(review.map((r) => [r.id, r.version])).toEqual(bank.map((q) => [q.id, q.version]));
      for (const item of review) expect(item.correct).toBe(isCorrect(item.answer, item.chosen));
      const correct = review.filter((r) => r.correct).length;
      expect(row).toMatchObject({ correct, total: bank.length, score: (correct / bank.length) * 100 });
    }
    const scores = rows.map((r) => r.score);
    expect(new Set(scores).size).toBeGreaterThan(3); // varied, not one canned result
  });

  it("gives every sitting a real paper and scores consistent with its status", async () => {
    const { config } = content;
    const learners = await db.user.findMany({ where: { ...cohort, role: "learner", assessments: { some: {} } }, select: { id: true } });
    expect(learners.length).toBeGreaterThan(0);
    const statuses = await db.assessmentAttempt.groupBy({ by: ["status"], where: { user: cohort }, _count: true });
    expect(statuses.map((s) => s.status)).toContain("released");
    for (const { id } of learners) {
      const rows = await db.assessmentAttempt.findMany({ where: { userId: id }, include: { gradeEvents: true }, orderBy: { number: "asc" } });
      const records = await listAttempts(id); // the app's own reader
      expect(records.map((r) => r.number)).toEqual(rows.map((_, i) => i + 1));
      for (const [i, a] of records.entries()) {
        const row = rows[i];
        expect(a.paper).toEqual(JSON.parse(JSON.stringify(drawPaper(content, row.seed))));
        const slots = answerSlots(a.paper);
        expect(Object.keys(a.answers).every((key) => slots.has(key))).toBe(true);
        if (i > 0) expect(records[i - 1]).toMatchObject({ status: "released", outcome: "failed" });
        // Every grade save bumps the version, as in grading; each is an event but a blind draft.
        const blindDrafts = await db.blindGrade.count({ where: { attemptId: row.id, finalisedAt: null } });
        expect(a.gradeVersion).toBe(row.gradeEvents.filter((e) => e.action !== "release").length + blindDrafts);

        if (a.status === "in_progress") {
          expect(a).toMatchObject({ submittedAt: null, part1Score: null, finalScore: null, outcome: null });
          expect(a.deadlineAt.getTime()).toBeGreaterThan(Date.now());
          continue;
        }
        const auto = gradeAtSubmission(a.paper, a.answers);
        expect(a.part1Score).toBeCloseTo(auto.part1Score, 9);
        expect(a.part2AutoPoints).toBe(auto.part2AutoPoints);
        expect(a.submittedAt!.getTime()).toBeGreaterThan(a.startedAt.getTime());
        if (a.status === "submitted") {
          expect(a).toMatchObject({ part2Score: null, part3Score: null, finalScore: null, outcome: null, releasedAt: null });
          continue;
        }

        expect(["graded", "released"]).toContain(a.status);
        const points = (prefix: string, rubric: { id: string; points: number }[]) =>
          rubric.reduce((sum, c) => {
            const grade = a.gradeScores[`${prefix}:${c.id}`];
            expect(grade.points).toBeGreaterThanOrEqual(0);
            expect(grade.points).toBeLessThanOrEqual(c.points);
            return sum + grade.points;
          }, 0);
        expect(a.part2Score).toBe(auto.part2AutoPoints + points("p2", a.paper.case.study.rubric));
        expect(a.part3Score).toBe(points("p3", a.paper.prompt.rubric));
        const weighted = (a.part1Score! * config.weights.part1 + a.part2Score! * config.weights.part2 + a.part3Score! * config.weights.part3) / 100;
        expect(a.finalScore).toBeCloseTo(weighted, 9);
        expect(a.finalScore).toBe(finalScore({ part1: a.part1Score!, part2: a.part2Score!, part3: a.part3Score! }, config.weights));
        const expected = a.finalScore! >= config.certificateScore ? "certified" : a.finalScore! >= config.passScore ? "passed" : "failed";
        expect(a.outcome).toBe(expected);
        expect(a.outcome).toBe(outcome(a.finalScore!, config));
        expect(a.gradedAt!.getTime()).toBeGreaterThan(a.submittedAt!.getTime());
        expect(row.gradedById).toBeTruthy();
        // A double-graded sitting is settled by its pair or, when they disagreed, a moderator.
        expect(row.gradeEvents.some((e) => ["finalise", "settle-agreed", "settle-moderated"].includes(e.action) && e.finalScore === a.finalScore)).toBe(true);
        expect(a.releasedAt !== null).toBe(a.status === "released");
        expect(row.gradeEvents.some((e) => e.action === "release")).toBe(a.status === "released");
      }
    }
  });

  it("double grades some sittings blind: blind_grade rows whose pair (or moderator) gives the attempt's grade, and the setting to match", async () => {
    const setting = await db.setting.findUniqueOrThrow({ where: { key: "grading.double" } });
    const { tolerance } = doubleGradingSettingsSchema.parse(JSON.parse(setting.value));
    expect(JSON.parse(setting.value)).toEqual({ share: 20, tolerance: 20 });
    const rows = await db.assessmentAttempt.findMany({
      where: { user: cohort, doubleGrading: { in: ["random", "picked"] } },
      include: { answers: true, blindGrades: true },
    });
    const settled = rows.filter((r) => r.status === "graded" || r.status === "released");
    expect(settled.length).toBeGreaterThan(0);
    const trainers = new Set((await db.user.findMany({ where: { ...cohort, role: "trainer" }, select: { id: true } })).map((t) => t.id));
    for (const row of settled) {
      const a = (await listAttempts(row.userId)).find((r) => r.id === row.id)!;
      const items = rubricItems(a.paper);
      const scoresOf = (role: string) => JSON.parse(row.blindGrades.find((g) => g.role === role)!.scores) as Scores;
      expect(row.blindGrades.every((g) => g.finalisedAt && g.version === 1 && trainers.has(g.graderId))).toBe(true);
      expect(new Set(row.blindGrades.map((g) => g.graderId)).size).toBe(row.blindGrades.length);
      const disputed = disputedCriteria(items, scoresOf("first"), scoresOf("second"), tolerance);
      const expected = disputed.length ? combinedScores(items, scoresOf("first"), scoresOf("second"), scoresOf("moderator"), disputed) : combinedScores(items, scoresOf("first"), scoresOf("second"));
      expect(row.blindGrades).toHaveLength(disputed.length ? 3 : 2);
      expect(a.gradeScores).toEqual(expected);
      expect(a).toMatchObject(computeGrade(a.paper, { part1Score: a.part1Score!, part2AutoPoints: a.part2AutoPoints! }, expected, content.config));
    }
    // Single-graded sittings have no blind grades.
    expect(await db.blindGrade.count({ where: { attempt: { user: cohort, doubleGrading: "single" } } })).toBe(0);
    expect(await db.blindGrade.count({ where: { attempt: { user: cohort } } })).toBe(rows.reduce((n, r) => n + r.blindGrades.length, 0));
  });

  it("keeps each learner's last activity and item responses as the app's writes would", async () => {
    const activity = async () => (await db.user.findMany({ where: cohort, orderBy: { id: "asc" }, select: { id: true, lastActivityAt: true } }));
    const seeded = await activity();
    expect(seeded.filter((u) => u.lastActivityAt).length).toBeGreaterThan(25);
    const responses = await db.itemResponse.count({ where: { quizAttempt: { user: cohort } } });
    expect(responses).toBeGreaterThan(0);
    // The back-fill computes both from the stored rows, as the dashboard and item analysis did before.
    await db.user.updateMany({ where: cohort, data: { lastActivityAt: null } });
    await db.itemResponse.deleteMany({ where: { quizAttempt: { user: cohort } } });
    expect(await backfill()).toMatchObject({ responses });
    expect(await activity()).toEqual(seeded);
  });

  it("refuses to run twice on the same database, changing nothing", async () => {
    const before = await db.user.count();
    await expect(seedCohort(SMALL)).rejects.toBeInstanceOf(CohortExistsError);
    expect(await db.user.count()).toBe(before);
  });

  it("with --reset replaces only cohort users and replays the same cohort from the same seed", async () => {
    const other = await db.user.count({ where: { NOT: cohort } });
    expect(other).toBeGreaterThan(0); // the demo accounts prepare-db created
    const before = await fingerprint();
    await seedCohort({ ...SMALL, reset: true });
    expect(await db.user.count({ where: { NOT: cohort } })).toBe(other);
    expect(await fingerprint()).toEqual(before);
    await seedCohort({ ...SMALL, seed: "another", reset: true });
    expect(await db.user.count({ where: { ...cohort, role: "learner" } })).toBe(50);
    expect(await fingerprint()).not.toEqual(before);
  }, 120_000);

  it("as a command, exits 1 with a hint at --reset when the cohort exists", async () => {
    const run = promisify(execFile);
    const tsx = path.resolve("node_modules/.bin/tsx");
    await db.$disconnect(); // the command migrates first, which needs the file to itself
    const failed = await run(tsx, ["scripts/seed-cohort.ts", "--learners", "5", "--attempts", "10"], { env: process.env }).catch((e: { code: number; stderr: string }) => e);
    expect(failed).toMatchObject({ code: 1, stderr: expect.stringContaining("--reset") });
  }, 60_000);
});
