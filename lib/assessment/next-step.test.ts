import { describe, expect, it } from "vitest";
import { nextStep, type AttemptSummary, type NextStepInput } from "@/lib/assessment/next-step";
import { startRefusal } from "@/lib/assessment/rules";

const NOW = Date.parse("2026-12-03T10:00:00Z");
const config = { attemptsAllowed: 2, timeLimitMinutes: 120, certificateScore: 90 };

const attempt = (number: number, over: Partial<AttemptSummary> = {}): AttemptSummary => ({
  id: `att${number}`,
  number,
  status: "released",
  outcome: "failed",
  finalScore: 60,
  deadlineAt: new Date(NOW + 45 * 60_000),
  ...over,
});

const input = (over: Partial<NextStepInput> = {}): NextStepInput => ({
  lessons: { done: 43, total: 43 },
  unlocked: true,
  attempts: [],
  config,
  certificate: null,
  now: NOW,
  ...over,
});

describe("the learner's next step", () => {
  it("starts or continues the lessons until they are finished", () => {
    const fresh = nextStep(input({ lessons: { done: 0, total: 43, nextTitle: "认识京东" }, unlocked: false }));
    expect(fresh).toMatchObject({ state: "learning", label: "开始学习", href: "/continue", status: null, canStart: false });
    const midway = nextStep(input({ lessons: { done: 40, total: 43, nextTitle: "团队搭建" }, unlocked: false }));
    expect(midway).toMatchObject({ state: "learning", label: "继续学习" });
    expect(midway.detail).toContain("还有 3 节课");
    expect(midway.detail).toContain("下一课：团队搭建");
  });

  it("offers the assessment once the lessons are done, with the attempts and time it has", () => {
    const ready = nextStep(input());
    expect(ready).toMatchObject({ state: "ready", status: "未开始", label: "开始结业考核", href: "/assessment", canStart: true, attemptsLeft: 2 });
    expect(ready.detail).toContain("共 2 次机会");
    expect(ready.detail).toContain("120 分钟");
  });

  it("continues an open attempt, with the minutes left, even before the lessons are done (staff)", () => {
    const open = attempt(1, { status: "in_progress", outcome: null, finalScore: null });
    const step = nextStep(input({ attempts: [open] }));
    expect(step).toMatchObject({ state: "in-progress", status: "进行中", label: "继续作答", href: "/assessment/attempts/att1", canStart: false });
    expect(step.detail).toContain("剩余约 45 分钟");
    expect(nextStep(input({ attempts: [open], unlocked: false })).state).toBe("in-progress");
    expect(nextStep(input({ attempts: [{ ...open, deadlineAt: new Date(NOW - 5_000) }] })).detail).toContain("剩余约 0 分钟");
  });

  it("waits for the grade of a submitted or graded attempt and offers no new attempt meanwhile", () => {
    for (const status of ["submitted", "graded"] as const) {
      const step = nextStep(input({ attempts: [attempt(1, { status, outcome: status === "graded" ? "failed" : null })] }));
      expect(step).toMatchObject({ state: "waiting", status: "待批阅", href: "/assessment/attempts/att1", canStart: false, attemptsLeft: 1 });
    }
    // A second attempt waiting after a released failure still waits.
    const step = nextStep(input({ attempts: [attempt(1), attempt(2, { status: "submitted", outcome: null })] }));
    expect(step).toMatchObject({ state: "waiting", attempt: { number: 2 }, canStart: false });
  });

  it("offers another attempt after a released failure, saying how many are left", () => {
    const step = nextStep(input({ attempts: [attempt(1, { finalScore: 74.96 })] }));
    expect(step).toMatchObject({ state: "retry", status: "未通过", label: "再考一次", href: "/assessment", canStart: true, attemptsLeft: 1 });
    expect(step.detail).toContain("总分 74.9 分");
    expect(step.detail).toContain("还有 1 次机会");
  });

  it("says so when no attempt is left", () => {
    const step = nextStep(input({ attempts: [attempt(1), attempt(2)] }));
    expect(step).toMatchObject({ state: "exhausted", status: "未通过", label: "查看成绩", href: "/assessment/attempts/att2", canStart: false, attemptsLeft: 0 });
    expect(step.detail).toContain("2 次考核机会已用完");
  });

  it("shows a pass, and the chance to retake for the certificate while attempts are left", () => {
    const step = nextStep(input({ attempts: [attempt(1, { outcome: "passed", finalScore: 80 })] }));
    expect(step).toMatchObject({ state: "passed", status: "通过", label: "查看成绩", href: "/assessment/attempts/att1", canStart: true });
    expect(step.detail).toContain("90 分可获证书");
    // A later failure does not hide the earlier pass.
    const later = nextStep(input({ attempts: [attempt(1, { outcome: "passed", finalScore: 80 }), attempt(2)] }));
    expect(later).toMatchObject({ state: "passed", attempt: { number: 1 }, canStart: false });
    expect(later.detail).not.toContain("再考");
  });

  it("leads to the certificate after a certified pass, and never to a new attempt", () => {
    const certified = [attempt(1, { outcome: "certified", finalScore: 95 })];
    const unconfirmed = nextStep(input({ attempts: certified, certificate: { code: "ABCD", confirmed: false } }));
    expect(unconfirmed).toMatchObject({ state: "certified", status: "通过并获证", label: "下载证书", href: "/assessment/attempts/att1#certificate", canStart: false, attemptsLeft: 1 });
    const confirmed = nextStep(input({ attempts: certified, certificate: { code: "ABCD", confirmed: true } }));
    expect(confirmed.href).toBe("/certificates/ABCD/pdf");
    // A revoked certificate: the result, not a download.
    expect(nextStep(input({ attempts: certified, certificate: null }))).toMatchObject({ label: "查看成绩", href: "/assessment/attempts/att1" });
  });
});

describe("starting a new attempt", () => {
  it("is refused while one waits for its grade, after a certificate, and past the allowance", () => {
    expect(startRefusal([], 2)).toBeNull();
    expect(startRefusal([{ status: "released", outcome: "failed" }], 2)).toBeNull();
    expect(startRefusal([{ status: "released", outcome: "passed" }], 2)).toBeNull();
    expect(startRefusal([{ status: "submitted", outcome: null }], 2)).toBe("awaiting-grade");
    expect(startRefusal([{ status: "graded", outcome: "failed" }], 2)).toBe("awaiting-grade");
    expect(startRefusal([{ status: "released", outcome: "certified" }], 2)).toBe("certified");
    expect(startRefusal([{ status: "released", outcome: "failed" }, { status: "released", outcome: "failed" }], 2)).toBe("no-attempts-left");
  });
});
