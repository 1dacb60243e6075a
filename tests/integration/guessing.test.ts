import { describe, expect, it, vi } from "vitest";
import { auth } from "@/lib/auth/auth";
import { loadAttempt, saveAnswers, startAttempt, submitAttempt } from "@/lib/assessment/attempts";
import { part1Key } from "@/lib/assessment/item-keys";
import { publicPaper } from "@/lib/assessment/public-paper";
import { attemptTokens } from "@/lib/assessment/rules";
import { loadModuleQuiz, readAssessment } from "@/lib/content/banks";
import { loadCourse } from "@/lib/content/load";
import { db } from "@/lib/db";
import type { PublicQuestion } from "@/lib/quiz/public";
import { newSitting } from "@/lib/quiz/sitting";

// A learner who does not read and always picks the first option, by its place on the page or by
// the smallest option value, must score at chance: nothing the browser gets says where the key is.

const current = vi.hoisted(() => ({ user: null as null | { id: string; name: string; email: string; role: "learner" } }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => current.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
const { submitQuiz } = await import("@/lib/quiz/actions");

const DRAWS = 20;
const strategies = {
  "first by position": (q: PublicQuestion) => q.options[0].id,
  "first by value": (q: PublicQuestion) => q.options.map((o) => o.id).sort()[0],
};

let n = 0;
async function learner() {
  const { user } = await auth.api.signUpEmail({ body: { name: "猜题者", email: `guess${n++}@example.com`, password: "password123" } });
  return { id: user.id, name: user.name, email: user.email, role: "learner" as const };
}

describe("always picking the first option", () => {
  it.each(Object.entries(strategies))("scores at chance on every module quiz (%s)", async (_, pick) => {
    current.user = await learner();
    const course = loadCourse();
    for (const mod of course.modules) {
      const questions = loadModuleQuiz(course, mod.slug);
      let total = 0;
      for (let i = 0; i < DRAWS; i++) {
        const sitting = newSitting(current.user.id, mod.slug, questions);
        // A confidence too: module quizzes with confidence marking require one (others ignore it).
        const answers = sitting.questions.map((q) => ({ questionId: q.id, choices: [pick(q)], confidence: 1 as const }));
        const result = await submitQuiz({ moduleSlug: mod.slug, sittingId: sitting.sittingId, answers });
        if (!result.ok) throw new Error(result.message);
        total += (await db.quizAttempt.findUniqueOrThrow({ where: { id: result.attemptId } })).score;
      }
      expect(total / DRAWS, mod.slug).toBeLessThanOrEqual(40);
    }
  }, 120_000);

  it.each(Object.entries(strategies))("scores at chance on part 1 of the 结业考核 (%s)", async (_, pick) => {
    const content = readAssessment().content!;
    let total = 0;
    for (let i = 0; i < DRAWS; i++) {
      const { id } = await learner();
      const started = await startAttempt(id, content);
      if (!started.ok) throw new Error(started.reason);
      const attempt = (await loadAttempt(id, started.attemptId))!;
      const shown = publicPaper(attempt.paper, attemptTokens(attempt));
      expect(await saveAnswers(id, attempt.id, shown.part1.map((q) => ({ itemKey: part1Key(q.id), value: [pick(q)] })))).toMatchObject({ ok: true });
      await submitAttempt(id, attempt.id);
      total += (await loadAttempt(id, attempt.id))!.part1Score!;
    }
    expect(total / DRAWS).toBeLessThanOrEqual(40);
  }, 120_000);
});

describe("a quiz sitting", () => {
  it("is submitted once: a resent submission answers with the same attempt", async () => {
    current.user = await learner();
    const course = loadCourse();
    const slug = course.modules[0].slug;
    const sitting = newSitting(current.user.id, slug, loadModuleQuiz(course, slug));
    const answers = sitting.questions.map((q) => ({ questionId: q.id, choices: [q.options[0].id] }));
    const [a, b] = await Promise.all([
      submitQuiz({ moduleSlug: slug, sittingId: sitting.sittingId, answers }),
      submitQuiz({ moduleSlug: slug, sittingId: sitting.sittingId, answers }),
    ]);
    expect(a).toMatchObject({ ok: true });
    expect(b).toEqual(a);
    expect(await db.quizAttempt.count({ where: { userId: current.user.id } })).toBe(1);
  });

  it("refuses tokens of another sitting or another learner, and raw option ids", async () => {
    current.user = await learner();
    const course = loadCourse();
    const slug = course.modules[0].slug;
    const questions = loadModuleQuiz(course, slug);
    const old = newSitting(current.user.id, slug, questions);
    const fresh = newSitting(current.user.id, slug, questions);
    const q = old.questions[0];
    const refused = { ok: false, message: expect.stringContaining("刷新页面后重做") };
    expect(await submitQuiz({ moduleSlug: slug, sittingId: fresh.sittingId, answers: [{ questionId: q.id, choices: [q.options[0].id] }] })).toEqual(refused);
    const someoneElse = newSitting("another-user", slug, questions);
    const theirs = someoneElse.questions[0];
    expect(await submitQuiz({ moduleSlug: slug, sittingId: someoneElse.sittingId, answers: [{ questionId: theirs.id, choices: [theirs.options[0].id] }] })).toEqual(refused);
    const rawIds = { moduleSlug: slug, sittingId: fresh.sittingId, answers: [{ questionId: q.id, choices: ["a"] }] };
    expect(await submitQuiz(rawIds)).toMatchObject({ ok: false });
    expect(await db.quizAttempt.count({ where: { userId: current.user.id } })).toBe(0);
  });
});
