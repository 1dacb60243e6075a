import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { rubricItems, type Scores } from "@/lib/assessment/scoring";
import { readAssessment } from "@/lib/content/banks";
import { pickForDoubleGrading, saveBlindGrade } from "@/lib/grading/blind";
import { saveDoubleGradingSettings } from "@/lib/grading/settings";
import { EXAMPLE, insertAgreementExample } from "./support/agreement-example";
import { submitWithChoicesRight } from "./support/answers";

// 评分一致性 on real attempts and blind grades: the figures equal the hand-computed example of
// lib/grading/agreement.test.ts (worked out in support/agreement-example.ts), and only staff may
// export them.

type Role = "learner" | "trainer";
const current = vi.hoisted(() => ({ user: null as null | { id: string; name: string; email: string; role: Role } }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => current.user, getVerifiedUser: async () => current.user }));
const { gradingAgreement } = await import("@/lib/grading/agreement-queries");
const { GET: exportCsv } = await import("@/app/(site)/analytics/grading/export/route");

async function user(name: string, role: Role) {
  const id = randomUUID();
  await db.user.create({ data: { id, name, email: `${id}@example.com`, role } });
  return { id, name, email: `${id}@example.com`, role };
}

let first: Awaited<ReturnType<typeof user>>;
let second: Awaited<ReturnType<typeof user>>;
let disputedAttemptId: string;

beforeAll(async () => {
  first = await user("甲评分员", "trainer");
  second = await user("乙评分员", "trainer");
  ({ disputedAttemptId } = await insertAgreementExample(db, first.id, second.id));
});

describe("grading agreement", () => {
  it("gives the hand-computed figures per criterion, per pair and per grader, with their n", async () => {
    const data = await gradingAgreement();
    expect(data.counts).toEqual({ doubleGraded: 5, agreedAtOnce: 4, sentToModeration: 1, awaitingModeration: 1 });

    const criterion = data.criteria.find((c) => c.key === EXAMPLE.criterion.key)!;
    expect(criterion).toMatchObject({ label: EXAMPLE.criterion.label, part: 2, max: 10, n: 5 });
    expect(criterion.icc).toBeCloseTo(EXAMPLE.icc, 4);
    expect(criterion.madPoints).toBeCloseTo(EXAMPLE.madPoints, 9);
    expect(criterion.madPercent).toBeCloseTo(EXAMPLE.madPercent, 9);
    // Every other criterion of the paper: both graders gave the maximum, no variance, no ICC.
    const others = data.criteria.filter((c) => c.key !== EXAMPLE.criterion.key);
    expect(others).toHaveLength(25);
    for (const c of others) expect(c).toMatchObject({ n: 5, icc: null, madPoints: 0 });

    expect(data.pairs).toHaveLength(1);
    expect(data.pairs[0].graders.slice().sort()).toEqual([first.id, second.id].sort());
    expect(data.pairs[0].n).toBe(5);
    expect(data.pairs[0].icc).toBeCloseTo(EXAMPLE.icc, 4);
    expect(data.pairs[0].madPercent).toBeCloseTo(EXAMPLE.pairMadPercent, 9);

    expect(data.graders.map((g) => [data.names[g.grader], g.n])).toEqual([["甲评分员", 5], ["乙评分员", 5]]);
    expect(data.graders[0].leniency).toBeCloseTo(EXAMPLE.leniency, 9);
    expect(data.graders[1].leniency).toBeCloseTo(-EXAMPLE.leniency, 9);
  });

  it("counts a moderated attempt as sent to moderation and no longer waiting", async () => {
    const moderator = await user("丙仲裁员", "trainer");
    await db.blindGrade.create({
      data: { attemptId: disputedAttemptId, graderId: moderator.id, role: "moderator", scores: JSON.stringify({ [EXAMPLE.criterion.key]: { points: 6, comment: "" } }), finalisedAt: new Date() },
    });
    await db.assessmentAttempt.update({ where: { id: disputedAttemptId }, data: { status: "graded", gradedAt: new Date() } });
    const data = await gradingAgreement();
    expect(data.counts).toEqual({ doubleGraded: 5, agreedAtOnce: 4, sentToModeration: 1, awaitingModeration: 0 });
    // The moderator's points are not a blind rating: the figures stay the pair's.
    expect(data.criteria.find((c) => c.key === EXAMPLE.criterion.key)!.icc).toBeCloseTo(EXAMPLE.icc, 4);
    expect(data.graders.map((g) => g.grader)).not.toContain(moderator.id);
  });

  it("exports the figures as CSV to staff and refuses a learner", async () => {
    current.user = await user("学员", "learner");
    const refused = await exportCsv();
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain("没有访问权限");

    current.user = first;
    const response = await exportCsv();
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const text = await response.text();
    const lines = text.replace(/^\uFEFF/, "").split("\r\n");
    expect(lines).toContain("概况,双评份数,,,5");
    expect(lines).toContain(`评分项,${EXAMPLE.criterion.label},实操案例分析,10,5,0.7431,1,10`);
    expect(lines).toContain("评分员组合,甲评分员 / 乙评分员,,,5,0.7431,,0.625");
    expect(lines).toContain("评分员宽严度,甲评分员,,,5,,,,0.375");
    expect(lines).toContain("评分员宽严度,乙评分员,,,5,,,,-0.375");
  });

  it("reads what the blind-grading workflow writes: agreed, awaiting moderation, moderated", async () => {
    const before = (await gradingAgreement()).counts;
    const content = readAssessment().content!;
    await saveDoubleGradingSettings({ share: 0, tolerance: 20 });
    const [ding, wu, ji] = [await user("丁评分员", "trainer"), await user("戊评分员", "trainer"), await user("己仲裁员", "trainer")];
    const grade = async (grader: string, attemptId: string, scores: Scores) => {
      const saved = await saveBlindGrade(grader, { attemptId, version: 0, intent: "finalise", comment: "", scores }, content.config);
      if (!saved.ok) throw new Error(JSON.stringify(saved));
      return saved.outcome;
    };
    const outcomes: string[] = [];
    for (const dispute of [false, true, true]) {
      const attempt = await submitWithChoicesRight((await user("双评流程学员", "learner")).id, content);
      expect(await pickForDoubleGrading(attempt.id)).toEqual({ ok: true });
      const items = rubricItems(attempt.paper);
      const full: Scores = Object.fromEntries(items.map((i) => [i.key, { points: i.max, comment: "" }]));
      await grade(ding.id, attempt.id, full);
      outcomes.push(await grade(wu.id, attempt.id, { ...full, [items[0].key]: { points: dispute ? 0 : items[0].max, comment: "" } }));
      if (outcomes.length === 3) outcomes.push(await grade(ji.id, attempt.id, { [items[0].key]: { points: 1, comment: "" } }));
    }
    expect(outcomes).toEqual(["agreed", "disputed", "disputed", "moderated"]);

    const data = await gradingAgreement();
    expect(data.counts).toEqual({
      doubleGraded: before.doubleGraded + 3,
      agreedAtOnce: before.agreedAtOnce + 1,
      sentToModeration: before.sentToModeration + 2,
      awaitingModeration: before.awaitingModeration + 1,
    });
    const pair = data.pairs.find((p) => p.graders.includes(ding.id))!;
    expect(pair.graders.slice().sort()).toEqual([ding.id, wu.id].sort());
    expect(pair.n).toBe(3);
    expect(data.graders.map((g) => g.grader)).not.toContain(ji.id);
    // 丁 gave the maximum on every criterion, 戊 the same but 0 on the first in two attempts: 丁 is the more lenient.
    const leniency = Object.fromEntries(data.graders.map((g) => [g.grader, g]));
    expect(leniency[ding.id].n).toBe(3);
    expect(leniency[ding.id].leniency).toBeGreaterThan(0);
    expect(leniency[wu.id].leniency).toBeCloseTo(-leniency[ding.id].leniency, 9);
  });
});
