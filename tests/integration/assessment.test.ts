import { beforeAll, describe, expect, it } from "vitest";
import { saveAsShown } from "./support/answers";
import { auth } from "@/lib/auth/auth";
import { db } from "@/lib/db";
import { drawPaper } from "@/lib/assessment/paper";
import { attemptTokens } from "@/lib/assessment/rules";
import { loadAttempt, saveAnswers, startAttempt, submitAttempt } from "@/lib/assessment/attempts";
import { readAssessment, type AssessmentContent } from "@/lib/content/banks";

let content: AssessmentContent;
beforeAll(() => {
  content = readAssessment().content!;
});

let n = 0;
async function learner() {
  const { user } = await auth.api.signUpEmail({ body: { name: "考生", email: `exam${n++}@example.com`, password: "password123" } });
  return user.id;
}

async function openAttempt(userId: string) {
  const started = await startAttempt(userId, content);
  if (!started.ok) throw new Error(started.reason);
  return (await loadAttempt(userId, started.attemptId))!;
}

describe("drawing a paper", () => {
  it("is reproducible from the stored seed and has no duplicate questions", () => {
    const a = drawPaper(content, "seed-1");
    const b = drawPaper(content, "seed-1");
    expect(a).toEqual(b);
    const ids = a.part1.map((p) => p.question.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(30);
    for (const area of ["平台规则", "运营基础", "营销策略"]) {
      expect(a.part1.filter((p) => p.question.area === area)).toHaveLength(content.config.part1Draw[area as "平台规则"]);
    }
  });

  it("shuffles options and varies with the seed", () => {
    const papers = ["s1", "s2", "s3", "s4"].map((seed) => drawPaper(content, seed));
    expect(new Set(papers.map((p) => p.part1.map((q) => q.question.id).join())).size).toBeGreaterThan(1);
    const orders = papers.flatMap((p) => p.part1.map((q) => q.order.join("")));
    expect(orders.some((order) => order !== [...order].sort().join(""))).toBe(true);
  });
});

describe("answers and submission", () => {
  it("saves answers only to the learner's own open attempt and only for its questions", async () => {
    const me = await learner();
    const other = await learner();
    const attempt = await openAttempt(me);
    const q = attempt.paper.part1[0].question;

    const key = `p1:${q.id}`;
    expect(await saveAsShown(me, attempt, [{ itemKey: key, value: [q.options[0].id] }])).toMatchObject({ ok: true });
    expect(await saveAsShown(other, attempt, [{ itemKey: key, value: [q.options[1].id] }])).toMatchObject({ ok: false, reason: "not-found" });
    expect(await saveAsShown(me, attempt, [{ itemKey: "p1:not-on-this-paper", value: [q.options[1].id] }])).toMatchObject({ ok: false, reason: "unknown-item" });
    expect(await saveAsShown(me, attempt, [{ itemKey: key, value: "text for a choice" }])).toMatchObject({ ok: false, reason: "wrong-kind" });
    expect(await saveAsShown(me, attempt, [{ itemKey: "p3:0", value: ["a"] }])).toMatchObject({ ok: false, reason: "wrong-kind" });
    // Option ids are not what the page shows: a bare id, or another attempt's token, is refused.
    expect(await saveAnswers(me, attempt.id, [{ itemKey: key, value: [q.options[1].id] }])).toMatchObject({ ok: false, reason: "bad-option" });
    const elsewhere = attemptTokens({ ...attempt, seed: "another-seed" }).encode(key, [q.options[1].id]);
    expect(await saveAnswers(me, attempt.id, [{ itemKey: key, value: elsewhere }])).toMatchObject({ ok: false, reason: "bad-option" });
    if (q.type === "single") {
      expect(await saveAsShown(me, attempt, [{ itemKey: key, value: q.options.slice(0, 2).map((o) => o.id) }])).toMatchObject({ ok: false, reason: "bad-option" });
    }
    expect((await loadAttempt(me, attempt.id))!.answers).toEqual({ [`p1:${q.id}`]: [q.options[0].id] });
  });

  it("grades part 1 at submission, all-or-nothing, and submits exactly once", async () => {
    const me = await learner();
    const attempt = await openAttempt(me);
    const answers = attempt.paper.part1.slice(0, 15).map(({ question }) => ({ itemKey: `p1:${question.id}`, value: question.answer }));
    await saveAsShown(me, attempt, answers);
    await Promise.all([submitAttempt(me, attempt.id), submitAttempt(me, attempt.id), submitAttempt(me, attempt.id)]);
    const done = (await loadAttempt(me, attempt.id))!;
    expect(done.status).toBe("submitted");
    expect(done.part1Score).toBeCloseTo(50, 9);
    expect(await db.assessmentAttempt.count({ where: { userId: me } })).toBe(1);
    expect(await saveAnswers(me, attempt.id, [{ itemKey: "p3:0", value: "late" }])).toMatchObject({ ok: false, reason: "submitted" });
  });

  it("refuses answers after the time limit and auto-submits what was saved", async () => {
    const me = await learner();
    const attempt = await openAttempt(me);
    await saveAnswers(me, attempt.id, [{ itemKey: "p3:0", value: "在时限内写的" }]);
    await db.assessmentAttempt.update({ where: { id: attempt.id }, data: { deadlineAt: new Date(Date.now() - 60_000) } });
    expect(await saveAnswers(me, attempt.id, [{ itemKey: "p3:1", value: "超时写的" }])).toMatchObject({ ok: false, reason: "time-up" });
    const done = (await loadAttempt(me, attempt.id))!;
    expect(done).toMatchObject({ status: "submitted", autoSubmitted: true });
    expect(done.answers).toEqual({ "p3:0": "在时限内写的" });
  });

  it("allows the configured number of attempts and no more, each after the last one's grade is out", async () => {
    const me = await learner();
    for (let i = 0; i < content.config.attemptsAllowed; i++) {
      const attempt = await openAttempt(me);
      expect((await startAttempt(me, content)) as { attemptId: string }).toMatchObject({ ok: true, attemptId: attempt.id });
      await submitAttempt(me, attempt.id);
      expect(await startAttempt(me, content)).toMatchObject({ ok: false, reason: "awaiting-grade" });
      // Released as a failure (what a grader's release does to the row).
      await db.assessmentAttempt.update({ where: { id: attempt.id }, data: { status: "released", outcome: "failed", finalScore: 10, releasedAt: new Date() } });
    }
    expect(await startAttempt(me, content)).toMatchObject({ ok: false, reason: "no-attempts-left" });
  });

  it("keeps a taken paper unchanged when the bank is edited later", async () => {
    const me = await learner();
    const attempt = await openAttempt(me);
    const before = attempt.paper.part1[0].question;
    const edited = { ...content, part1: content.part1.map((q) => ({ ...q, prompt: `${q.prompt}（已修改）`, version: "changed" })) };
    expect(edited.part1[0].prompt).not.toBe(content.part1[0].prompt);
    const again = (await loadAttempt(me, attempt.id))!;
    expect(again.paper.part1[0].question).toEqual(before);
    expect(before.version).toMatch(/^[0-9a-f]{16}$/);
  });
});
