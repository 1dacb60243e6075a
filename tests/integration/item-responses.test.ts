import { randomUUID } from "node:crypto";
import { saveAsShown } from "./support/answers";
import { beforeAll, describe, expect, it } from "vitest";
import { itemSections } from "@/lib/analytics/items";
import { loadItemResponses } from "@/lib/analytics/queries";
import { part1ItemKey, quizItemKey } from "@/lib/item-responses/rows";
import { loadAttempt, startAttempt, submitAttempt, sweepExpiredAttempts } from "@/lib/assessment/attempts";
import { auth } from "@/lib/auth/auth";
import { loadModuleQuiz, readAssessment, type AssessmentContent } from "@/lib/content/banks";
import { loadCourse } from "@/lib/content/load";
import type { Course } from "@/lib/content/schema";
import { db } from "@/lib/db";
import { saveQuizAttempt } from "@/lib/quiz/queries";
import { gradeQuiz } from "@/lib/quiz/review";
import { backfill } from "@/scripts/backfill";
import { seedCohort } from "@/scripts/seed-cohort";
import { legacyItemResponses } from "./support/legacy-item-responses";

// item_response rows are written with each graded attempt (quiz submission, 结业考核 submission
// by the learner or at expiry), by the cohort seeder, and by the back-fill for older attempts; the
// item analysis read from them equals the one computed from the stored JSON before.

let course: Course;
let content: AssessmentContent;

beforeAll(async () => {
  course = loadCourse();
  content = readAssessment().content!;
  // The cohort first: seedCohort migrates the database, which needs the file to itself.
  await seedCohort({ learners: 40, attempts: 160, seed: "items", reset: false, log: () => {} });
}, 120_000);

let n = 0;
async function person(role = "learner") {
  const { user } = await auth.api.signUpEmail({ body: { name: "学员", email: `items${n++}@example.com`, password: "password123" } });
  if (role !== "learner") await db.user.update({ where: { id: user.id }, data: { role } });
  return user.id;
}

/** Every stored row, without its generated id, in a stable order. */
async function storedRows() {
  const rows = await db.itemResponse.findMany({ omit: { id: true } });
  const key = (r: (typeof rows)[number]) => `${r.quizAttemptId ?? ""}|${r.assessmentAttemptId ?? ""}|${r.itemKey}`;
  return rows.sort((a, b) => key(a).localeCompare(key(b)));
}

async function analysis(scope: "first" | "all", load: typeof loadItemResponses) {
  return itemSections(course, await load(scope));
}

describe("rows written at grading", () => {
  it("a module quiz submission stores one row per question, first only for the learner's first attempt", async () => {
    const userId = await person();
    const slug = course.modules[1].slug;
    const questions = loadModuleQuiz(course, slug);
    const answers = Object.fromEntries(questions.map((q, i) => [q.id, i === 0 ? [...q.answer].reverse() : i === 1 ? [] : [q.options.find((o) => !q.answer.includes(o.id))!.id]]));
    const graded = gradeQuiz(questions, answers);
    const firstId = await saveQuizAttempt(userId, { moduleSlug: slug, sittingId: randomUUID(), ...graded });
    const retakeId = await saveQuizAttempt(userId, { moduleSlug: slug, sittingId: randomUUID(), ...gradeQuiz(questions, {}) });

    const rows = await db.itemResponse.findMany({ where: { quizAttemptId: firstId }, orderBy: { position: "asc" } });
    expect(rows).toHaveLength(questions.length);
    expect(rows[0]).toMatchObject({
      userId,
      bank: `quiz/${slug}`,
      itemKey: quizItemKey(slug, questions[0].id),
      version: questions[0].version,
      correct: true,
      chosen: [...questions[0].answer].sort().join(","),
      total: graded.score,
      first: true,
      position: 0,
      assessmentAttemptId: null,
    });
    expect(rows[1]).toMatchObject({ correct: false, chosen: "", position: 1 });
    expect(rows.map((r) => r.itemKey)).toEqual(questions.map((q) => quizItemKey(slug, q.id)));
    const retake = await db.itemResponse.findMany({ where: { quizAttemptId: retakeId } });
    expect(retake).toHaveLength(questions.length);
    expect(retake.every((r) => !r.first && r.total === 0 && r.chosen === "")).toBe(true);
  });

  it("of two submissions of a module's quiz at once, exactly one is the first attempt", async () => {
    const userId = await person();
    const slug = course.modules[2].slug;
    const graded = gradeQuiz(loadModuleQuiz(course, slug), {});
    const ids = await Promise.all([saveQuizAttempt(userId, { moduleSlug: slug, sittingId: randomUUID(), ...graded }), saveQuizAttempt(userId, { moduleSlug: slug, sittingId: randomUUID(), ...graded })]);
    const firsts = await db.itemResponse.groupBy({ by: ["quizAttemptId", "first"], where: { quizAttemptId: { in: ids } } });
    expect(firsts.map((f) => f.first).sort()).toEqual([false, true]);
  });

  it("a 结业考核 submission stores part 1 graded from the attempt's own paper, once, even when submitted twice", async () => {
    const userId = await person();
    const started = await startAttempt(userId, content);
    if (!started.ok) throw new Error(started.reason);
    const attempt = (await loadAttempt(userId, started.attemptId))!;
    const [right, wrong] = attempt.paper.part1.map((p) => p.question);
    const miss = wrong.options.find((o) => !wrong.answer.includes(o.id))!.id;
    await saveAsShown(userId, attempt, [
      { itemKey: `p1:${right.id}`, value: right.answer },
      { itemKey: `p1:${wrong.id}`, value: [miss] },
    ]);
    await Promise.all([submitAttempt(userId, attempt.id), submitAttempt(userId, attempt.id)]);

    const submitted = await db.assessmentAttempt.findUniqueOrThrow({ where: { id: attempt.id } });
    const rows = await db.itemResponse.findMany({ where: { assessmentAttemptId: attempt.id }, orderBy: { position: "asc" } });
    expect(rows.map((r) => r.itemKey)).toEqual(attempt.paper.part1.map((p) => part1ItemKey(p.question.id)));
    expect(rows[0]).toMatchObject({ userId, bank: "p1", version: right.version, correct: true, chosen: [...right.answer].sort().join(","), first: true });
    expect(rows[1]).toMatchObject({ correct: false, chosen: miss });
    expect(rows.slice(2).every((r) => !r.correct && r.chosen === "")).toBe(true);
    expect(rows.every((r) => r.total === submitted.part1Score && r.total > 0)).toBe(true);
  });

  it("an attempt submitted when its time ran out stores its rows too", async () => {
    const userId = await person();
    const started = await startAttempt(userId, content);
    if (!started.ok) throw new Error(started.reason);
    const attempt = (await loadAttempt(userId, started.attemptId))!;
    const q = attempt.paper.part1[0].question;
    await saveAsShown(userId, attempt, [{ itemKey: `p1:${q.id}`, value: q.answer }]);
    await db.assessmentAttempt.update({ where: { id: attempt.id }, data: { deadlineAt: new Date(Date.now() - 60_000) } });
    // A read shows it submitted but writes nothing; the sweep closes it.
    expect((await loadAttempt(userId, attempt.id))!).toMatchObject({ status: "submitted", autoSubmitted: true, part1Score: expect.closeTo(100 / 30, 9) });
    expect(await db.assessmentAttempt.findUniqueOrThrow({ where: { id: attempt.id } })).toMatchObject({ status: "in_progress" });
    expect(await db.itemResponse.count({ where: { assessmentAttemptId: attempt.id } })).toBe(0);
    expect(await sweepExpiredAttempts()).toBeGreaterThanOrEqual(1);
    expect(await db.assessmentAttempt.findUniqueOrThrow({ where: { id: attempt.id } })).toMatchObject({ status: "submitted", autoSubmitted: true, part1Score: expect.closeTo(100 / 30, 9) });
    const rows = await db.itemResponse.findMany({ where: { assessmentAttemptId: attempt.id } });
    expect(rows).toHaveLength(attempt.paper.part1.length);
    expect(rows.filter((r) => r.correct).map((r) => r.itemKey)).toEqual([part1ItemKey(q.id)]);
  });

  it("the cohort seeder stores the rows the app would have", async () => {
    const cohort = await db.quizAttempt.findFirstOrThrow({ where: { user: { email: { endsWith: "@cohort.example.com" } } } });
    expect(await db.itemResponse.count({ where: { quizAttemptId: cohort.id } })).toBe(JSON.parse(cohort.review).length);
    const seeded = await db.assessmentAttempt.count({ where: { user: { email: { endsWith: "@cohort.example.com" } }, status: { not: "in_progress" } } });
    expect(await db.itemResponse.groupBy({ by: ["assessmentAttemptId"], where: { assessmentAttemptId: { not: null } } })).toHaveLength(seeded + 2);
  });
});

describe("item analysis from the rows", () => {
  beforeAll(async () => {
    // A trainer's attempt exists but must not count.
    const trainer = await person("trainer");
    const slug = course.modules[0].slug;
    const questions = loadModuleQuiz(course, slug);
    await saveQuizAttempt(trainer, { moduleSlug: slug, sittingId: randomUUID(), ...gradeQuiz(questions, Object.fromEntries(questions.map((q) => [q.id, q.answer]))) });
  });

  it("equals the analysis computed from every attempt's JSON, for first attempts and for all", async () => {
    for (const scope of ["first", "all"] as const) {
      const sections = await analysis(scope, loadItemResponses);
      expect(sections).toEqual(await analysis(scope, legacyItemResponses));
      expect(sections.reduce((sum, s) => sum + s.attempts, 0)).toBeGreaterThan(50);
    }
  });

  it("back-fills exactly those rows for attempts stored without them, once", async () => {
    const before = await storedRows();
    await db.itemResponse.deleteMany();
    const report = await backfill();
    expect(report).toMatchObject({ responses: before.length, learners: 0 });
    expect(report.quizAttempts).toBeGreaterThan(0);
    expect(await storedRows()).toEqual(before);
    expect(await backfill()).toEqual({ quizAttempts: 0, assessmentAttempts: 0, responses: 0, learners: 0 });
    expect(await analysis("first", loadItemResponses)).toEqual(await analysis("first", legacyItemResponses));
  });

  it("back-fills only what is missing", async () => {
    const before = await storedRows();
    const attempt = await db.assessmentAttempt.findFirstOrThrow({ where: { status: "released" }, select: { id: true } });
    await db.itemResponse.deleteMany({ where: { assessmentAttemptId: attempt.id } });
    expect(await backfill()).toMatchObject({ quizAttempts: 0, assessmentAttempts: 1, responses: before.filter((r) => r.assessmentAttemptId === attempt.id).length });
    expect(await storedRows()).toEqual(before);
  });
});
