import { beforeAll, describe, expect, it } from "vitest";
import { saveAsShown } from "./support/answers";
import { auth } from "@/lib/auth/auth";
import { db } from "@/lib/db";
import { loadAttempt, startAttempt, submitAttempt } from "@/lib/assessment/attempts";
import { readAssessment, type AssessmentContent } from "@/lib/content/banks";
import { computeGrade, rubricItems, type RubricItem, type Scores } from "@/lib/assessment/scoring";
import { blindStage, pickForDoubleGrading, saveBlindGrade } from "@/lib/grading/blind";
import { gradingQueue, releaseConfirmed, saveGrade } from "@/lib/grading/queries";
import { saveDoubleGradingSettings } from "@/lib/grading/settings";
import { createDepartment } from "@/lib/departments/queries";

// Blind double grading (decision 043) through the same calls the grading pages make.

let content: AssessmentContent;
const graders: string[] = [];
let n = 0;

beforeAll(async () => {
  content = readAssessment().content!;
  for (const name of ["甲", "乙", "丙"]) {
    graders.push((await auth.api.signUpEmail({ body: { name: `讲师${name}`, email: `double-${graders.length}@example.com`, password: "password123" } })).user.id);
  }
});

async function submittedAttempt() {
  const { user } = await auth.api.signUpEmail({ body: { name: `学员${n}`, email: `double-learner${n++}@example.com`, password: "password123" } });
  const started = await startAttempt(user.id, content);
  if (!started.ok) throw new Error(started.reason);
  const attempt = (await loadAttempt(user.id, started.attemptId))!;
  await saveAsShown(user.id, attempt, attempt.paper.part1.map(({ question }) => ({ itemKey: `p1:${question.id}`, value: question.answer })));
  await submitAttempt(user.id, attempt.id);
  return (await loadAttempt(user.id, attempt.id))!;
}

type Attempt = Awaited<ReturnType<typeof submittedAttempt>>;
const scoresOf = (items: RubricItem[], points: (item: RubricItem, i: number) => number, comment = ""): Scores =>
  Object.fromEntries(items.map((item, i) => [item.key, { points: points(item, i), comment }]));

const blind = (grader: string, attempt: Attempt, scores: Scores, intent: "draft" | "finalise" = "finalise", version = 0, comment = "") =>
  saveBlindGrade(grader, { attemptId: attempt.id, version, intent, comment, scores }, content.config);

async function picked() {
  const attempt = await submittedAttempt();
  expect(await pickForDoubleGrading(attempt.id)).toEqual({ ok: true });
  return { attempt, items: rubricItems(attempt.paper) };
}

describe("double grading", () => {
  it("draws the share in settings until grading begins, then keeps the plan; a started grade stays single", async () => {
    await saveDoubleGradingSettings({ share: 0, tolerance: 20 });
    const started = await submittedAttempt();
    await saveGrade(graders[0], { attemptId: started.id, version: 0, intent: "draft", comment: "", scores: {} }, content.config);
    expect((await db.assessmentAttempt.findUniqueOrThrow({ where: { id: started.id } })).doubleGrading).toBe("single");
    await saveDoubleGradingSettings({ share: 100, tolerance: 20 });
    const drawn = await submittedAttempt();
    const untouched = await submittedAttempt();
    const queue = await gradingQueue({ kind: "all" }, graders[0]);
    expect(queue.waiting.find((w) => w.id === drawn.id)?.double).toBe("open");
    expect(queue.waiting.find((w) => w.id === started.id)?.double).toBeNull();
    // Listing writes nothing (a GET); the first blind grade stores the plan.
    expect((await db.assessmentAttempt.findUniqueOrThrow({ where: { id: drawn.id } })).doubleGrading).toBeNull();
    await blind(graders[0], drawn, {}, "draft");
    expect((await db.assessmentAttempt.findUniqueOrThrow({ where: { id: drawn.id } })).doubleGrading).toBe("random");
    // Turned off: an attempt not yet begun is single again, the begun one stays double.
    await saveDoubleGradingSettings({ share: 0, tolerance: 20 });
    const after = await gradingQueue({ kind: "all" }, graders[0]);
    expect(after.waiting.find((w) => w.id === drawn.id)?.double).toBe("draft");
    expect(after.waiting.find((w) => w.id === untouched.id)?.double).toBeNull();
    // A single grade is refused on it: it goes through the blind forms.
    const single = await saveGrade(graders[1], { attemptId: drawn.id, version: 1, intent: "finalise", comment: "", scores: scoresOf(rubricItems(drawn.paper), () => 1) }, content.config);
    expect(single).toEqual({ ok: false, reason: "double-graded" });
  });

  it("releases the pair's mean when they agree within the tolerance", async () => {
    await saveDoubleGradingSettings({ share: 0, tolerance: 20 });
    const { attempt, items } = await picked();
    const a = scoresOf(items, (i) => i.max, "甲的评语");
    // Every criterion half a point lower: within 20% of any criterion's maximum (≥ 5 points).
    const b = scoresOf(items, (i) => i.max - 0.5, "乙的评语");
    expect(await blind(graders[0], attempt, a, "draft")).toMatchObject({ ok: true, outcome: "draft", version: 1 });
    // The second grader sees nothing of the first's grade.
    const stage = await blindStage({ ...attempt, doubleGrading: "picked", status: "submitted" }, graders[1]);
    expect(stage).toMatchObject({ kind: "blind", mine: null, canGrade: true, finalised: 0 });
    expect(JSON.stringify(stage)).not.toContain("甲的评语");
    expect(await blind(graders[0], attempt, a, "finalise", 1)).toMatchObject({ ok: true, outcome: "waiting" });
    expect(await blind(graders[1], attempt, b)).toMatchObject({ ok: true, outcome: "agreed" });
    const row = await db.assessmentAttempt.findUniqueOrThrow({ where: { id: attempt.id } });
    const mean = scoresOf(items, (i) => i.max - 0.25);
    const expected = computeGrade(attempt.paper, { part1Score: attempt.part1Score ?? 0, part2AutoPoints: attempt.part2AutoPoints ?? 0 }, mean, content.config);
    expect(row).toMatchObject({ status: "graded", finalScore: expected.finalScore, outcome: expected.outcome });
    expect(Object.values(JSON.parse(row.gradeScores!) as Scores).map((s) => s.comment)).toContain("甲的评语\n\n乙的评语");
    expect(await releaseConfirmed(graders[1], [{ attemptId: attempt.id, version: row.gradeVersion }])).toEqual([attempt.id]);
  });

  it("sends a disagreement to a third grader, holds it from release until then, and releases the moderated grade", async () => {
    await saveDoubleGradingSettings({ share: 0, tolerance: 20 });
    const { attempt, items } = await picked();
    const a = scoresOf(items, (i) => i.max);
    // The first criterion 0 vs max: far beyond the tolerance; the rest agree.
    const b = scoresOf(items, (i, index) => (index === 0 ? 0 : i.max));
    await blind(graders[0], attempt, a);
    expect(await blind(graders[1], attempt, b)).toMatchObject({ ok: true, outcome: "disputed", disputed: 1 });
    const held = await db.assessmentAttempt.findUniqueOrThrow({ where: { id: attempt.id } });
    expect(held).toMatchObject({ status: "submitted", finalScore: null, gradeScores: null });
    expect(await releaseConfirmed(graders[0], [{ attemptId: attempt.id, version: held.gradeVersion }])).toEqual([]);
    // Neither of the pair may moderate, nor grade singly; a third grader sees both grades.
    expect(await blind(graders[0], attempt, a, "finalise", 1)).toMatchObject({ ok: false, reason: "in-pair" });
    expect(await saveGrade(graders[2], { attemptId: attempt.id, version: held.gradeVersion, intent: "finalise", comment: "", scores: a }, content.config)).toMatchObject({ ok: false, reason: "double-graded" });
    const stage = await blindStage({ ...attempt, doubleGrading: "picked", status: "submitted" }, graders[2]);
    expect(stage).toMatchObject({ kind: "moderation", inPair: false, disputed: [items[0].key] });
    expect((await gradingQueue({ kind: "all" }, graders[2])).waiting.find((w) => w.id === attempt.id)?.double).toBe("moderation");
    expect((await gradingQueue({ kind: "all" }, graders[0])).waiting.find((w) => w.id === attempt.id)?.double).toBe("moderation-mine");
    // The moderator scores only the disputed criterion.
    const moderator = { [items[0].key]: { points: items[0].max / 2, comment: "仲裁" } };
    const incomplete = await blind(graders[2], attempt, {});
    expect(incomplete).toMatchObject({ ok: false, reason: "invalid-scores" });
    expect(await blind(graders[2], attempt, moderator)).toMatchObject({ ok: true, outcome: "moderated" });
    const row = await db.assessmentAttempt.findUniqueOrThrow({ where: { id: attempt.id } });
    const settled = JSON.parse(row.gradeScores!) as Scores;
    expect(settled[items[0].key]).toEqual({ points: items[0].max / 2, comment: "仲裁" });
    expect(settled[items[1].key].points).toBe(items[1].max);
    expect(row.status).toBe("graded");
    expect((await db.gradeEvent.findMany({ where: { attemptId: attempt.id }, orderBy: { createdAt: "asc" } })).map((e) => e.action)).toEqual([
      "blind",
      "blind",
      "moderate",
      "settle-moderated",
    ]);
  });

  it("tells the pair when nobody else may moderate, until a trainer or a department head with 批阅权限 over the learner exists", async () => {
    await saveDoubleGradingSettings({ share: 0, tolerance: 20 });
    const { attempt, items } = await picked();
    await blind(graders[0], attempt, scoresOf(items, (i) => i.max));
    await blind(graders[1], attempt, scoresOf(items, (i, index) => (index === 0 ? 0 : i.max)));
    const pair = [graders[0], graders[1]];
    await db.user.updateMany({ where: { id: { in: pair } }, data: { role: "trainer" } });
    await db.user.updateMany({ where: { id: { notIn: pair }, role: { in: ["trainer", "admin"] } }, data: { role: "learner" } });
    const stageFor = (grader: string) => blindStage({ ...attempt, doubleGrading: "picked", status: "submitted" }, grader);
    expect(await stageFor(graders[0])).toMatchObject({ kind: "moderation", inPair: true, noModerator: true });

    // A department head with 批阅权限 over the learner's department; then deactivated.
    const region = await createDepartment(`华北大区${n}`, null);
    const team = region.ok ? await createDepartment("北京一组", region.id) : region;
    if (!region.ok || !team.ok) throw new Error("departments");
    const { userId } = await db.assessmentAttempt.findUniqueOrThrow({ where: { id: attempt.id }, select: { userId: true } });
    await db.user.update({ where: { id: userId }, data: { departmentId: team.id } });
    const head = (await auth.api.signUpEmail({ body: { name: "部门负责人", email: `double-head${n++}@example.com`, password: "password123" } })).user.id;
    await db.user.update({ where: { id: head }, data: { role: "dept_head", departmentId: region.id, canGrade: false } });
    expect(await stageFor(graders[0])).toMatchObject({ noModerator: true });
    await db.user.update({ where: { id: head }, data: { canGrade: true } });
    expect(await stageFor(graders[1])).toMatchObject({ noModerator: false });
    await db.user.update({ where: { id: head }, data: { deactivatedAt: new Date() } });
    expect(await stageFor(graders[1])).toMatchObject({ noModerator: true });
    // A third trainer.
    await db.user.update({ where: { id: graders[2] }, data: { role: "trainer" } });
    expect(await stageFor(graders[0])).toMatchObject({ noModerator: false });
    expect(await stageFor(graders[2])).toMatchObject({ inPair: false, noModerator: false });
  });

  it("takes two graders finishing at once one after the other, and refuses a third blind grader", async () => {
    await saveDoubleGradingSettings({ share: 0, tolerance: 20 });
    const { attempt, items } = await picked();
    const full = scoresOf(items, (i) => i.max);
    const results = await Promise.all([blind(graders[0], attempt, full), blind(graders[1], attempt, full)]);
    expect(results.map((r) => (r.ok ? r.outcome : r.reason)).sort()).toEqual(["agreed", "waiting"]);
    expect((await db.assessmentAttempt.findUniqueOrThrow({ where: { id: attempt.id } })).status).toBe("graded");
    expect(await blind(graders[2], attempt, full)).toMatchObject({ ok: false, reason: "not-double" });
  });

  it("refuses a refused save without writing, a finalised grader, and picking a started attempt", async () => {
    const { attempt, items } = await picked();
    const before = await db.assessmentAttempt.findUniqueOrThrow({ where: { id: attempt.id } });
    expect(await blind(graders[0], attempt, { [items[0].key]: { points: items[0].max + 1, comment: "" } }, "draft")).toMatchObject({ ok: false, reason: "invalid-scores" });
    expect(await blind(graders[0], attempt, {}, "draft", 5)).toMatchObject({ ok: false, reason: "conflict" });
    expect((await db.assessmentAttempt.findUniqueOrThrow({ where: { id: attempt.id } })).gradeVersion).toBe(before.gradeVersion);
    expect(await db.blindGrade.count({ where: { attemptId: attempt.id } })).toBe(0);
    await blind(graders[0], attempt, scoresOf(items, (i) => i.max));
    expect(await blind(graders[0], attempt, scoresOf(items, () => 0), "finalise", 1)).toMatchObject({ ok: false, reason: "finalised" });
    await blind(graders[1], attempt, scoresOf(items, () => 0), "draft");
    expect(await blind(graders[2], attempt, {}, "draft")).toMatchObject({ ok: false, reason: "taken" });
    expect(await pickForDoubleGrading(attempt.id)).toEqual({ ok: false, reason: "already" });

    const other = await submittedAttempt();
    await saveGrade(graders[0], { attemptId: other.id, version: 0, intent: "draft", comment: "", scores: {} }, content.config);
    expect(await pickForDoubleGrading(other.id)).toEqual({ ok: false, reason: "started" });
  });
});
