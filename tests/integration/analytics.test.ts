import { beforeAll, describe, expect, it } from "vitest";
import { itemCsv } from "@/lib/analytics/item-csv";
import { itemSections } from "@/lib/analytics/items";
import { getCohortResults, getCompletionFunnel, loadItemResponses } from "@/lib/analytics/queries";
import { part1ItemKey, quizItemKey } from "@/lib/item-responses/rows";
import { drawPaper, type Paper } from "@/lib/assessment/paper";
import { loadAssessment, loadModuleQuiz } from "@/lib/content/banks";
import { loadCourse } from "@/lib/content/load";
import type { Course } from "@/lib/content/schema";
import { db } from "@/lib/db";
import { backfill } from "@/scripts/backfill";

// Three learners and a trainer (whose attempts must not count):
//   L1: module 1 quiz all right; paper s1 all right, released at 92 (certified); modules 1–2 done
//   L2: quiz all wrong except question 0, then a retake all right; paper s2 all wrong, submitted
//   L3: quiz all wrong with question 1 left blank; an assessment still in progress
let course: Course;
let quiz: ReturnType<typeof loadModuleQuiz>;
let slug: string;
let paper1: Paper;
let paper2: Paper;

async function user(name: string, role = "learner") {
  return db.user.create({ data: { id: name, name, email: `${name}@example.com`, role } });
}

async function quizAttempt(userId: string, right: (i: number) => boolean, at: number, blank?: number) {
  const review = quiz.map((q, i) => {
    const wrong = q.options.find((o) => !q.answer.includes(o.id))!.id;
    const chosen = i === blank ? [] : right(i) ? q.answer : [wrong];
    return { ...q, chosen, correct: right(i) };
  });
  const correct = review.filter((r) => r.correct).length;
  await db.quizAttempt.create({
    data: { userId, moduleSlug: slug, correct, total: quiz.length, score: (correct / quiz.length) * 100, review: JSON.stringify(review), submittedAt: new Date(at) },
  });
}

async function assessment(userId: string, paper: Paper, right: boolean, data: Record<string, unknown>) {
  const attempt = await db.assessmentAttempt.create({
    data: { userId, number: 1, seed: "s", paper: JSON.stringify(paper), deadlineAt: new Date(), ...data },
  });
  for (const { question } of paper.part1) {
    const wrong = question.options.find((o) => !question.answer.includes(o.id))!.id;
    await db.assessmentAnswer.create({ data: { attemptId: attempt.id, itemKey: `p1:${question.id}`, value: JSON.stringify(right ? question.answer : [wrong]) } });
  }
}

beforeAll(async () => {
  course = loadCourse();
  slug = course.modules[0].slug;
  quiz = loadModuleQuiz(course, slug);
  const content = loadAssessment();
  paper1 = drawPaper(content, "s1");
  paper2 = drawPaper(content, "s2");
  await Promise.all(["L1", "L2", "L3"].map((name) => user(name)));
  await user("T1", "trainer");

  await quizAttempt("L1", () => true, 1000);
  await quizAttempt("L2", (i) => i === 0, 1000);
  await quizAttempt("L2", () => true, 2000);
  await quizAttempt("L3", () => false, 1000, 1);
  await quizAttempt("T1", () => true, 1000);

  await assessment("L1", paper1, true, { status: "released", part1Score: 100, part2Score: 90, part3Score: 88, finalScore: 92.2, outcome: "certified", submittedAt: new Date() });
  await assessment("L2", paper2, false, { status: "submitted", part1Score: 0, submittedAt: new Date() });
  await assessment("L3", paper2, true, { status: "in_progress" });
  await assessment("T1", paper2, true, { status: "submitted", part1Score: 100, submittedAt: new Date() });

  for (const lesson of [...course.modules[0].lessons, ...course.modules[1].lessons]) {
    await db.lessonProgress.create({ data: { userId: "L1", lessonKey: lesson.key, moduleSlug: lesson.moduleSlug } });
  }
  for (const lesson of course.modules[0].lessons.slice(1)) {
    await db.lessonProgress.create({ data: { userId: "L2", lessonKey: lesson.key, moduleSlug: lesson.moduleSlug } });
  }
  for (const lesson of course.modules[0].lessons) {
    await db.lessonProgress.create({ data: { userId: "T1", lessonKey: lesson.key, moduleSlug: lesson.moduleSlug } });
  }
  // Attempts written directly (as data from before item_response): their item responses come
  // from the back-fill, which reads the stored reviews and papers as the app graded them.
  await backfill();
});

describe("item responses from stored attempts", () => {
  it("counts each learner's first quiz attempt and submitted assessments, never a trainer's", async () => {
    const data = await loadItemResponses("first");
    expect(data.attempts).toEqual({ quiz: { [slug]: 3 }, part1: 2 });
    // Question 0: L1 right, L2 right (first attempt), L3 wrong.
    expect(data.items.stats(quizItemKey(slug, quiz[0].id)).facility).toBeCloseTo(2 / 3, 9);
    // Question 1: only L1 right; L3 left it blank.
    const q1 = data.items.stats(quizItemKey(slug, quiz[1].id));
    expect(q1).toMatchObject({ n: 3, blank: 1 });
    expect(q1.facility).toBeCloseTo(1 / 3, 9);
    expect(data.versions.get(quizItemKey(slug, quiz[0].id))).toEqual(new Set([quiz[0].version]));
  });

  it("grades part 1 from each paper's own keys and the p1: answers", async () => {
    const data = await loadItemResponses("first");
    const onlyL1 = paper1.part1.find(({ question }) => !paper2.part1.some((p) => p.question.id === question.id))!.question;
    expect(data.items.stats(part1ItemKey(onlyL1.id))).toMatchObject({ n: 1, facility: 1 });
    const onlyL2 = paper2.part1.find(({ question }) => !paper1.part1.some((p) => p.question.id === question.id))!.question;
    const wrong = onlyL2.options.find((o) => !onlyL2.answer.includes(o.id))!.id;
    const stats = data.items.stats(part1ItemKey(onlyL2.id), onlyL2.options.map((o) => o.id));
    expect(stats).toMatchObject({ n: 1, facility: 0 });
    expect(stats.options.find((o) => o.id === wrong)).toMatchObject({ count: 1, share: 1 });
  });

  it("includes retakes with scope all, and forgets deleted attempts", async () => {
    const all = await loadItemResponses("all");
    expect(all.attempts.quiz[slug]).toBe(4);
    expect(all.items.stats(quizItemKey(slug, quiz[1].id)).facility).toBe(0.5);
    await db.quizAttempt.deleteMany({ where: { userId: "L3" } });
    expect((await loadItemResponses("first")).attempts.quiz[slug]).toBe(2);
  });

  it("joins the banks: text, key and source file per question, and a CSV with a BOM", async () => {
    const sections = itemSections(course, await loadItemResponses("first"));
    expect(sections.map((s) => s.id)).toEqual(["part1", ...course.modules.map((m) => `quiz-${m.slug}`)]);
    const row = sections[0].rows.find((r) => r.id === paper1.part1[0].question.id)!;
    expect(row.file).toMatch(/^content\/assessment\/part1\/[a-z-]+\.yaml$/);
    expect(sections[1].rows[0]).toMatchObject({ id: quiz[0].id, file: `content/01-${slug}/quiz.yaml`, edited: false });
    const csv = itemCsv(sections);
    expect(csv.startsWith("\uFEFF部分,题目ID,题干,来源文件")).toBe(true);
    expect(csv.split("\r\n").filter(Boolean)).toHaveLength(1 + sections.reduce((n, s) => n + s.rows.length, 0));
  });
});

describe("cohort results and funnel", () => {
  it("summarises released attempts only", async () => {
    const results = await getCohortResults();
    expect(results.releasedAttempts).toBe(1);
    expect(results.attempts).toEqual({ failed: 0, passed: 0, certified: 1 });
    expect(results.learners).toEqual({ failed: 0, passed: 0, certified: 1 });
    expect(results.histograms.final[9].count).toBe(1);
    expect(results.histograms.part3[8].count).toBe(1);
  });

  it("counts learners who finished every lesson of each module, and who submitted", async () => {
    const funnel = await getCompletionFunnel(course);
    expect(funnel.learners).toBe(3);
    expect(funnel.modules.map((m) => m.completed)).toEqual([1, 1, ...course.modules.slice(2).map(() => 0)]);
    expect(funnel.submitted).toBe(2);
  });
});
