import { beforeAll, describe, expect, it, vi } from "vitest";
import { auth } from "@/lib/auth/auth";
import { db } from "@/lib/db";
import { MAX_EVENTS_PER_ATTEMPT, MAX_EVENTS_PER_SAVE, type IntegrityEvent } from "@/lib/assessment/integrity";
import { integrityLog } from "@/lib/assessment/integrity-queries";
import { loadAttempt, startAttempt, submitAttempt } from "@/lib/assessment/attempts";
import { readAssessment, type AssessmentContent } from "@/lib/content/banks";

// The save path a browser takes: the autosave route with the integrity log riding along, as the
// signed-in learner (the session is the one thing replaced), with the assessment config switchable.
const current = vi.hoisted(() => ({ user: null as null | { id: string; name: string; email: string; role: string }, integrityLog: true }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => current.user, userFromHeaders: async () => current.user }));
vi.mock("@/lib/content/banks", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/content/banks")>();
  return {
    ...actual,
    loadAssessment: () => {
      const content = actual.loadAssessment();
      return { ...content, config: { ...content.config, integrityLog: current.integrityLog } };
    },
  };
});
const { postSave } = await import("./support/assessment-routes");

/** The page's autosave of `{ attemptId, answers, integrity }`: the route's JSON answer. */
async function autosave(input: unknown) {
  const { attemptId, ...body } = input as { attemptId: string };
  return (await postSave(attemptId, body)).body;
}

let content: AssessmentContent;
beforeAll(() => {
  content = readAssessment().content!;
});

let n = 0;
async function learner() {
  const { user } = await auth.api.signUpEmail({ body: { name: "考生", email: `integrity${n++}@example.com`, password: "password123" } });
  return { id: user.id, name: user.name, email: user.email, role: "learner" };
}

async function openAttempt() {
  const user = await learner();
  const started = await startAttempt(user.id, content);
  if (!started.ok) throw new Error(started.reason);
  current.user = user;
  current.integrityLog = true;
  return { user, attempt: (await loadAttempt(user.id, started.attemptId))! };
}

let seq = 0;
const event = (type: IntegrityEvent["type"], extra: Partial<IntegrityEvent> = {}): IntegrityEvent => ({
  id: `evt${String(seq++).padStart(9, "0")}`,
  type,
  at: new Date(Date.parse("2026-12-03T02:00:00.000Z") + seq * 1000).toISOString(),
  ...extra,
});

describe("integrity log on the autosave", () => {
  it("stores events with the answers, and a resent batch once", async () => {
    const { user, attempt } = await openAttempt();
    const batch = [event("blur"), event("hidden"), event("visible"), event("focus"), event("paste", { itemKey: "p3:0", detail: 120 })];
    const save = { attemptId: attempt.id, answers: [{ itemKey: "p3:0", value: "方案" }], integrity: batch };
    expect(await autosave(save)).toMatchObject({ ok: true });
    expect(await autosave(save)).toMatchObject({ ok: true }); // the response was lost; the browser sends it again
    const log = await integrityLog(attempt.id);
    expect(log.map((e) => e.type)).toEqual(["blur", "hidden", "visible", "focus", "paste"]);
    expect(log[4]).toMatchObject({ itemKey: "p3:0", detail: 120 });
    expect(log[0].at.toISOString()).toBe(batch[0].at);
    expect((await loadAttempt(user.id, attempt.id))!.answers).toEqual({ "p3:0": "方案" });
  });

  it("takes a save of events alone", async () => {
    const { attempt } = await openAttempt();
    expect(await autosave({ attemptId: attempt.id, answers: [], integrity: [event("hidden")] })).toMatchObject({ ok: true });
    expect(await integrityLog(attempt.id)).toHaveLength(1);
  });

  it("caps what one attempt can store, and still acknowledges so the browser lets go", async () => {
    const { attempt } = await openAttempt();
    const saves = Math.ceil(MAX_EVENTS_PER_ATTEMPT / MAX_EVENTS_PER_SAVE) + 2;
    for (let i = 0; i < saves; i++) {
      const batch = Array.from({ length: MAX_EVENTS_PER_SAVE }, () => event("blur"));
      expect(await autosave({ attemptId: attempt.id, answers: [], integrity: batch })).toMatchObject({ ok: true });
    }
    expect(await db.attemptIntegrityEvent.count({ where: { attemptId: attempt.id } })).toBe(MAX_EVENTS_PER_ATTEMPT);
  });

  it("refuses someone else's attempt and a submitted one, storing nothing", async () => {
    const { attempt } = await openAttempt();
    current.user = await learner();
    const stranger = await autosave({ attemptId: attempt.id, answers: [], integrity: [event("blur")] });
    expect(stranger).toEqual({ ok: false, message: "找不到这次考核。" });

    const own = await openAttempt();
    await submitAttempt(own.user.id, own.attempt.id);
    const late = await autosave({ attemptId: own.attempt.id, answers: [], integrity: [event("blur")] });
    expect(late).toMatchObject({ ok: false, closed: true });
    expect(await db.attemptIntegrityEvent.count({ where: { attemptId: { in: [attempt.id, own.attempt.id] } } })).toBe(0);
  });

  it("ignores events when the log is turned off in the config, but saves the answers", async () => {
    const { user, attempt } = await openAttempt();
    current.integrityLog = false;
    const saved = await autosave({ attemptId: attempt.id, answers: [{ itemKey: "p3:1", value: "写了" }], integrity: [event("hidden")] });
    expect(saved).toMatchObject({ ok: true });
    expect(await integrityLog(attempt.id)).toEqual([]);
    expect((await loadAttempt(user.id, attempt.id))!.answers).toEqual({ "p3:1": "写了" });
  });

  it("answers bad input with a zh-CN refusal and stores nothing", async () => {
    const { attempt } = await openAttempt();
    const bad: unknown[] = [
      { attemptId: attempt.id, answers: [], integrity: [{ ...event("blur"), type: "copy" }] },
      { attemptId: attempt.id, answers: [], integrity: [{ ...event("paste"), text: "粘贴的原文" }] },
      { attemptId: attempt.id, answers: [], integrity: [{ ...event("blur"), at: "2026-13-45" }] },
      { attemptId: attempt.id, answers: [], integrity: [{ ...event("paste"), itemKey: "__proto__" }] },
      { attemptId: attempt.id, answers: [], integrity: Array.from({ length: MAX_EVENTS_PER_SAVE + 1 }, () => event("blur")) },
      { attemptId: attempt.id, answers: [], integrity: "blur" },
      { attemptId: attempt.id, answers: [], integrity: [] },
      { attemptId: attempt.id, answers: [] },
    ];
    for (const input of bad) {
      const result = await autosave(input);
      expect(result, JSON.stringify(input).slice(0, 120)).toMatchObject({ ok: false, message: expect.stringMatching(/[\u4e00-\u9fff]/) });
    }
    expect(await autosave(bad[0])).toEqual({ ok: false, message: "切屏记录格式不正确，未保存。请刷新页面后重试。" });
    expect(await db.attemptIntegrityEvent.count({ where: { attemptId: attempt.id } })).toBe(0);
  });
});
