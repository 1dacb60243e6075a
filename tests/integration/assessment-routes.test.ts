import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { loadAttempt, submitAttempt } from "@/lib/assessment/attempts";
import { attemptTokens } from "@/lib/assessment/rules";
import { readCourse } from "@/lib/content/load";
import { postSave, postStart, postSubmit } from "./support/assessment-routes";
import { signUpInBrowser } from "./support/browser-session";

// Decision 026: 开始考核 and the autosave as the 结业考核 page sends them, with a real browser
// session (cookies from a sign-up through better-auth's handler).
const CHINESE = /[\u4e00-\u9fff]/;

async function graduate(prefix = "routes") {
  const learner = await signUpInBrowser(prefix);
  const rows = readCourse().course.modules.flatMap((mod) => mod.lessons.map((lesson) => ({ userId: learner.id, lessonKey: lesson.key, moduleSlug: mod.slug })));
  await db.lessonProgress.createMany({ data: rows });
  return learner;
}

/** A learner with an open attempt, and the first choice question and its options as the page names them. */
async function openAttempt() {
  const learner = await graduate();
  const started = await postStart({ cookie: learner.cookie });
  expect(started).toMatchObject({ status: 200, body: { ok: true, attemptId: expect.any(String) } });
  const attempt = (await loadAttempt(learner.id, started.body.attemptId!))!;
  const question = attempt.paper.part1[0].question;
  const itemKey = `p1:${question.id}`;
  const tokens = attemptTokens(attempt);
  return { ...learner, attempt, itemKey, question, shown: (optionIds: string[]) => tokens.encode(itemKey, optionIds) };
}

const answersOf = (attemptId: string) => db.assessmentAnswer.findMany({ where: { attemptId }, select: { itemKey: true, value: true } });

describe("POST /api/assessment/attempts/<id>/answers", () => {
  it("stores a good save before acknowledging it, and the attempt reads it back", async () => {
    const { id, cookie, attempt, itemKey, question, shown } = await openAttempt();
    const saved = await postSave(attempt.id, { answers: [{ itemKey, value: shown([question.options[1].id]) }, { itemKey: "p3:0", value: "先做流量诊断" }] }, { cookie });
    // The rows exist by the time the answer does: nothing runs after the handler returns.
    const rows = await answersOf(attempt.id);
    expect(saved).toEqual({ status: 200, body: { ok: true, savedAt: expect.any(String) } });
    expect(rows).toHaveLength(2);
    expect((await loadAttempt(id, attempt.id))!.answers).toEqual({ [itemKey]: [question.options[1].id], "p3:0": "先做流量诊断" });
  });

  it("refuses a request without a session with 401, storing nothing", async () => {
    const { attempt } = await openAttempt();
    for (const cookie of [null, "better-auth.session_token=forged.signature"]) {
      const res = await postSave(attempt.id, { answers: [{ itemKey: "p3:0", value: "x" }] }, { cookie });
      expect(res).toEqual({ status: 401, body: { ok: false, message: expect.stringContaining("登录已过期") } });
    }
    expect(await answersOf(attempt.id)).toEqual([]);
  });

  it("refuses someone else's attempt as not found, storing nothing", async () => {
    const { attempt } = await openAttempt();
    const stranger = await graduate("stranger");
    const res = await postSave(attempt.id, { answers: [{ itemKey: "p3:0", value: "别人的答卷" }] }, { cookie: stranger.cookie });
    expect(res).toEqual({ status: 404, body: { ok: false, message: "找不到这次考核。" } });
    expect(await answersOf(attempt.id)).toEqual([]);
  });

  it("answers a bad body with 400 and a zh-CN message, storing nothing", async () => {
    const { cookie, attempt, itemKey, question, shown } = await openAttempt();
    const bad: [unknown, string?][] = [
      ["{not json"],
      [""],
      ["[]"],
      [{ answers: [] }], // nothing to save
      [{ answers: "p3:0" }],
      [{ answers: [{ itemKey: "__proto__", value: "x" }] }],
      [{ answers: [{ itemKey: "p3:0", value: 42 }] }],
      [{ answers: [{ itemKey: "p3:0", value: "长".repeat(20_001) }] }],
      // The attempt is the URL's, the learner the session's: a body naming either is refused.
      [{ attemptId: attempt.id, answers: [{ itemKey: "p3:0", value: "x" }] }],
      [{ answers: [{ itemKey: "p3:0", value: "x" }], userId: "someone-else" }],
      // Checked against the paper: an item it does not have, a choice as text, an option id instead of its token.
      [{ answers: [{ itemKey: "p3:99", value: "x" }] }],
      [{ answers: [{ itemKey, value: "B" }] }],
      [{ answers: [{ itemKey, value: [question.options[0].id.padEnd(16, "A").slice(0, 16)] }] }],
      [{ answers: [], integrity: [{ id: "abcdef012345", type: "copy", at: "2026-12-03T02:00:00.000Z" }] }],
      // Not JSON: a form another site posts would arrive like this.
      [{ answers: [{ itemKey: "p3:0", value: "x" }] }, "text/plain;charset=UTF-8"],
    ];
    for (const [body, contentType] of bad) {
      const res = await postSave(attempt.id, body, { cookie, contentType });
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(res.body).toEqual({ ok: false, message: expect.stringMatching(CHINESE) });
    }
    expect(await answersOf(attempt.id)).toEqual([]);
    // And the good save still goes through afterwards.
    expect((await postSave(attempt.id, { answers: [{ itemKey, value: shown([question.options[0].id]) }] }, { cookie })).status).toBe(200);
  });

  it("refuses a submitted attempt with 409 and closed, keeping what was stored", async () => {
    const { id, cookie, attempt } = await openAttempt();
    expect((await postSave(attempt.id, { answers: [{ itemKey: "p3:0", value: "交卷前" }] }, { cookie })).status).toBe(200);
    await submitAttempt(id, attempt.id);
    const late = await postSave(attempt.id, { answers: [{ itemKey: "p3:0", value: "交卷后" }] }, { cookie });
    expect(late).toEqual({ status: 409, body: { ok: false, message: "本次考核已提交，不能再修改答案。", closed: true } });
    expect(await answersOf(attempt.id)).toEqual([{ itemKey: "p3:0", value: JSON.stringify("交卷前") }]);
  });

  it("closes an attempt whose time ran out and refuses the save with 409", async () => {
    const { id, cookie, attempt } = await openAttempt();
    await db.assessmentAttempt.update({ where: { id: attempt.id }, data: { deadlineAt: new Date("2000-01-01T00:00:00Z") } });
    const late = await postSave(attempt.id, { answers: [{ itemKey: "p3:0", value: "超时" }] }, { cookie });
    expect(late).toEqual({ status: 409, body: { ok: false, message: expect.stringContaining("考试时间已到"), closed: true } });
    expect(await loadAttempt(id, attempt.id)).toMatchObject({ status: "submitted", autoSubmitted: true });
  });
});

describe("POST /api/assessment/attempts (开始考核)", () => {
  it("opens an attempt and answers its id; pressed again, the same attempt resumes", async () => {
    const { id, cookie } = await graduate();
    const first = await postStart({ cookie });
    expect(first).toEqual({ status: 200, body: { ok: true, attemptId: expect.any(String) } });
    expect(await postStart({ cookie })).toEqual(first);
    expect(await db.assessmentAttempt.count({ where: { userId: id } })).toBe(1);
  });

  it("refuses the signed out (401), a learner before the last lesson (403), a body or a content type it does not expect (400)", async () => {
    expect(await postStart()).toEqual({ status: 401, body: { ok: false, message: expect.stringContaining("登录已过期") } });
    const early = await signUpInBrowser("early");
    expect(await postStart({ cookie: early.cookie })).toEqual({ status: 403, body: { ok: false, message: "完成全部 8 个模块的课程后才能参加结业考核。" } });
    const { id, cookie } = await graduate();
    // A cross-site form cannot send JSON without CORS approval; text/plain is refused, so no attempt is spent.
    for (const [body, contentType] of [["{}", "text/plain;charset=UTF-8"], ["{x", "application/json"], ['{"userId":"x"}', "application/json"], ["[]", "application/json"]]) {
      const res = await postStart({ cookie, body, contentType });
      expect(res.status, body).toBe(400);
      expect(res.body).toEqual({ ok: false, message: expect.stringMatching(CHINESE) });
    }
    expect(await db.assessmentAttempt.count({ where: { userId: id } })).toBe(0);
  });
});

describe("POST /api/assessment/attempts/<id>/submit (提交)", () => {
  it("submits the learner's own attempt and keeps its answers; a second press changes nothing", async () => {
    const { cookie, attempt, itemKey, question, shown } = await openAttempt();
    await postSave(attempt.id, { answers: [{ itemKey, value: shown([question.options[0].id]) }] }, { cookie });
    expect(await postSubmit(attempt.id, { cookie })).toEqual({ status: 200, body: { ok: true } });
    const stored = await db.assessmentAttempt.findUniqueOrThrow({ where: { id: attempt.id }, select: { status: true, submittedAt: true } });
    expect(stored.status).toBe("submitted");
    expect(await answersOf(attempt.id)).toHaveLength(1);
    expect(await postSubmit(attempt.id, { cookie })).toEqual({ status: 200, body: { ok: true } });
    const again = await db.assessmentAttempt.findUniqueOrThrow({ where: { id: attempt.id }, select: { submittedAt: true } });
    expect(again.submittedAt).toEqual(stored.submittedAt);
  });

  it("refuses the signed out (401), someone else's attempt (404) and a body it does not expect (400), submitting nothing", async () => {
    const { cookie, attempt } = await openAttempt();
    const other = await graduate("routes-other");
    const refusals = [
      await postSubmit(attempt.id),
      await postSubmit(attempt.id, { cookie: other.cookie }),
      await postSubmit(attempt.id, { cookie, body: '{"attemptId":"x"}' }),
      await postSubmit(attempt.id, { cookie, body: "{", contentType: "application/json" }),
      await postSubmit(attempt.id, { cookie, contentType: "text/plain" }),
      await postSubmit("../etc", { cookie }),
    ];
    expect(refusals.map((r) => r.status)).toEqual([401, 404, 400, 400, 400, 404]);
    for (const r of refusals) expect(r.body).toEqual({ ok: false, message: expect.stringMatching(CHINESE) });
    expect((await db.assessmentAttempt.findUniqueOrThrow({ where: { id: attempt.id } })).status).toBe("in_progress");
  });
});
