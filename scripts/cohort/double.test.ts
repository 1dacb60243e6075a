import { beforeAll, describe, expect, it } from "vitest";
import { computeGrade, rubricItems, type Scores } from "@/lib/assessment/scoring";
import { effectivePlan } from "@/lib/grading/blind";
import { combinedComment, combinedScores, disputedCriteria, isDoubleGraded } from "@/lib/grading/double";
import type { SimAttempt } from "./assessment";
import { loadContent, type CohortContext } from "./context";
import { COHORT_DOUBLE_GRADING } from "./double";
import { planCohort } from "./plan";
import { makeTrainerIds } from "./write";

// The demo cohort's blind double grading, checked against the app's own rules (lib/grading/double.ts)
// on the cohort `npm run seed:cohort` writes by default (planning only: no database).

const NOW = Date.UTC(2026, 11, 1);
const { tolerance } = COHORT_DOUBLE_GRADING;
let ctx: CohortContext;
let sittings: SimAttempt[];

const parse = (json: string) => JSON.parse(json) as Scores;
const blind = (s: SimAttempt, role: string) => s.blindGrades.find((g) => g.role === role);

beforeAll(() => {
  ctx = { seed: "cohort", now: NOW, ...loadContent(), trainerIds: makeTrainerIds("cohort") };
  sittings = planCohort(ctx, 10_000, 50_000).flatMap((p) => p.assessments);
}, 60_000);

describe("double grading in the cohort seed", () => {
  it("has at least 4 trainers, so pairs vary and a third can moderate", () => {
    expect(ctx.trainerIds.length).toBeGreaterThanOrEqual(4);
    expect(new Set(ctx.trainerIds).size).toBe(ctx.trainerIds.length);
  });

  it("double grades about 20% at random and a few picked among the sittings whose grading began", () => {
    const planned = sittings.filter((s) => s.row.doubleGrading);
    const share = (plan: string) => planned.filter((s) => s.row.doubleGrading === plan).length / planned.length;
    expect(planned.length).toBeGreaterThan(1000);
    expect(share("random")).toBeGreaterThan(0.16);
    expect(share("random")).toBeLessThan(0.24);
    expect(share("picked")).toBeGreaterThan(0.01);
    expect(share("picked")).toBeLessThan(0.06);
    // "random" exactly when the app's own draw (computed until grading begins) says so.
    for (const s of sittings) {
      const drawn = effectivePlan({ id: s.row.id!, seed: s.row.seed, doubleGrading: null, gradeVersion: 0 }, COHORT_DOUBLE_GRADING.share);
      if (s.row.doubleGrading) expect(s.row.doubleGrading === "random").toBe(drawn === "random");
    }
    // Graded sittings always have a plan; those never touched by a grader may keep none.
    expect(sittings.filter((s) => s.status === "graded" || s.status === "released").every((s) => s.row.doubleGrading)).toBe(true);
    expect(sittings.filter((s) => !s.row.doubleGrading).every((s) => s.status === "in_progress" || (s.status === "submitted" && !s.row.gradeScores))).toBe(true);
    expect(sittings.filter((s) => !isDoubleGraded(s.row.doubleGrading ?? null)).every((s) => s.blindGrades.length === 0)).toBe(true);
  });

  it("settles every double-graded graded or released sitting by the rules: the pair's mean, or the moderator on disputed criteria", () => {
    const settled = sittings.filter((s) => isDoubleGraded(s.row.doubleGrading ?? null) && (s.status === "graded" || s.status === "released"));
    let moderated = 0;
    for (const s of settled) {
      const items = rubricItems(s.paper);
      const [first, second, moderator] = ["first", "second", "moderator"].map((role) => blind(s, role));
      expect(first?.finalisedAt && second?.finalisedAt).toBeTruthy();
      expect(first!.graderId).not.toBe(second!.graderId);
      const a = parse(first!.scores);
      const b = parse(second!.scores);
      const disputed = disputedCriteria(items, a, b, tolerance);
      let expected: Scores;
      let comment: string;
      if (disputed.length === 0) {
        expect(moderator).toBeUndefined();
        expected = combinedScores(items, a, b);
        comment = combinedComment(first!.comment, second!.comment);
      } else {
        moderated++;
        expect(moderator?.finalisedAt).toBeTruthy();
        expect([first!.graderId, second!.graderId]).not.toContain(moderator!.graderId);
        const m = parse(moderator!.scores);
        expect(Object.keys(m)).toEqual(disputed); // the moderator scores only the disputed criteria
        expect(moderator!.finalisedAt!.getTime()).toBeGreaterThan(second!.finalisedAt!.getTime());
        expected = combinedScores(items, a, b, m, disputed);
        comment = combinedComment(first!.comment, second!.comment, moderator!.comment);
      }
      expect(parse(s.row.gradeScores!)).toEqual(expected);
      expect(s.row.gradeComment).toBe(comment);
      const grade = computeGrade(s.paper, { part1Score: s.row.part1Score!, part2AutoPoints: s.row.part2AutoPoints! }, expected, ctx.assessment.config);
      expect(s.row).toMatchObject(grade);
      expect(s.outcome).toBe(grade.outcome);
      // The history lib/grading/blind.ts writes: each finalised grade, the settling, then the release.
      const settledBy = disputed.length ? moderator! : second!;
      const trail = disputed.length ? ["blind", "blind", "moderate", "settle-moderated"] : ["blind", "blind", "settle-agreed"];
      expect(s.events.map((e) => e.action)).toEqual(s.status === "released" ? [...trail, "release"] : trail);
      const finalised = s.events.slice(0, trail.length - 1);
      expect(finalised.map((e) => [e.actorId, e.scores, e.comment, e.createdAt])).toEqual(s.blindGrades.map((g) => [g.graderId, g.scores, g.comment, g.finalisedAt]));
      expect(s.events[trail.length - 1]).toMatchObject({ actorId: settledBy.graderId, scores: s.row.gradeScores, comment: comment, createdAt: settledBy.finalisedAt, ...grade });
      expect(s.row.gradedById).toBe(settledBy.graderId);
      expect(s.row.gradedAt).toEqual(settledBy.finalisedAt);
      // Every blind save bumps the attempt's version, and so does settling.
      expect(s.row.gradeVersion).toBe(s.blindGrades.length + 1);
      for (const g of s.blindGrades) {
        expect(g.version).toBe(1);
        expect(g.finalisedAt!.getTime()).toBeLessThanOrEqual((s.row.gradedAt as Date).getTime());
        expect(g.finalisedAt!.getTime()).toBeGreaterThan((s.row.submittedAt as Date).getTime());
      }
    }
    expect(settled.length).toBeGreaterThan(300);
    // Some pairs disagree (the moderation path is on show), most agree.
    expect(moderated / settled.length).toBeGreaterThan(0.1);
    expect(moderated / settled.length).toBeLessThan(0.5);
  });

  it("scores every blind criterion in half points within the criterion's maximum, saved after submission", () => {
    for (const s of sittings.filter((x) => x.blindGrades.length)) {
      const max = new Map(rubricItems(s.paper).map((i) => [i.key, i.max]));
      for (const g of s.blindGrades) {
        expect(g.createdAt.getTime()).toBeLessThanOrEqual(g.updatedAt.getTime());
        expect(g.createdAt.getTime()).toBeGreaterThanOrEqual((s.row.submittedAt as Date).getTime());
        if (g.finalisedAt) expect(g.finalisedAt).toEqual(g.updatedAt);
        for (const [key, { points }] of Object.entries(parse(g.scores))) {
          expect(max.has(key)).toBe(true);
          expect(points * 2).toBe(Math.round(points * 2));
          expect(points).toBeGreaterThanOrEqual(0);
          expect(points).toBeLessThanOrEqual(max.get(key)!);
        }
      }
    }
  });

  it("leaves recent sittings in between, status submitted: waiting for the second grade, or disputed awaiting moderation", () => {
    const pending = sittings.filter((s) => isDoubleGraded(s.row.doubleGrading ?? null) && s.status === "submitted");
    let waiting = 0;
    let awaitingModeration = 0;
    for (const s of pending) {
      expect([s.row.finalScore, s.row.outcome, s.row.gradeScores, s.row.gradedAt].every((v) => v == null)).toBe(true);
      expect(s.row.gradeVersion).toBe(s.blindGrades.length);
      expect(s.events.map((e) => [e.action, e.actorId])).toEqual(s.blindGrades.filter((g) => g.finalisedAt).map((g) => ["blind", g.graderId]));
      const [first, second, moderator] = ["first", "second", "moderator"].map((role) => blind(s, role));
      expect(first?.finalisedAt).toBeTruthy();
      expect(moderator).toBeUndefined();
      if (second) expect(second.graderId).not.toBe(first!.graderId);
      if (second?.finalisedAt) {
        awaitingModeration++;
        expect(disputedCriteria(rubricItems(s.paper), parse(first!.scores), parse(second.scores), tolerance).length).toBeGreaterThan(0);
      } else {
        waiting++;
      }
      for (const g of s.blindGrades) expect(g.updatedAt!.valueOf()).toBeLessThanOrEqual(NOW);
    }
    expect(waiting).toBeGreaterThan(0);
    expect(awaitingModeration).toBeGreaterThan(0);
  });

  it("gives each trainer a leniency of their own that shows against the pair's mean", () => {
    const offsets = new Map<string, number[]>();
    for (const s of sittings.filter((x) => x.status === "graded" || x.status === "released")) {
      const first = blind(s, "first");
      const second = blind(s, "second");
      if (!first || !second) continue;
      const items = rubricItems(s.paper);
      const a = parse(first.scores);
      const b = parse(second.scores);
      const total = (x: Scores) => items.reduce((sum, i) => sum + x[i.key].points / i.max, 0) / items.length;
      const mean = (total(a) + total(b)) / 2;
      offsets.set(first.graderId, [...(offsets.get(first.graderId) ?? []), total(a) - mean]);
      offsets.set(second.graderId, [...(offsets.get(second.graderId) ?? []), total(b) - mean]);
    }
    expect(offsets.size).toBe(ctx.trainerIds.length); // every trainer is in some pair
    const means = [...offsets.values()].map((xs) => xs.reduce((p, q) => p + q, 0) / xs.length);
    expect(Math.max(...means) - Math.min(...means)).toBeGreaterThan(0.02);
  });

  it("replays the same blind grades from the same seed", () => {
    const again = planCohort(ctx, 10_000, 50_000).flatMap((p) => p.assessments);
    expect(again.map((s) => s.blindGrades)).toEqual(sittings.map((s) => s.blindGrades));
  }, 60_000);
});
