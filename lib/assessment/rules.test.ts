import { describe, expect, it } from "vitest";
import { drawPaper } from "@/lib/assessment/paper";
import { answerSheet, decodeAnswers } from "@/lib/assessment/answer-sheet";
import { attemptTokens, effectiveAttempt, encodeAnswers, isExpired, part1Review, SAVE_GRACE_MS } from "@/lib/assessment/rules";
import { readAssessment } from "@/lib/content/banks";

const content = readAssessment().content!;
const paper = drawPaper(content, "rules-seed");
const attempt = { id: "att1", seed: "rules-seed", paper };
const q = paper.part1[0].question;
const key = `p1:${q.id}`;

describe("expiry and the effective attempt", () => {
  const base = {
    status: "in_progress" as const,
    paper,
    answers: { [key]: q.answer },
    submittedAt: null,
    autoSubmitted: false,
    part1Score: null,
    part2AutoPoints: null,
  };

  it("is open until the deadline plus the grace period", () => {
    const deadlineAt = new Date(1_000_000);
    expect(isExpired({ status: "in_progress", deadlineAt }, 1_000_000 + SAVE_GRACE_MS)).toBe(false);
    expect(isExpired({ status: "in_progress", deadlineAt }, 1_000_001 + SAVE_GRACE_MS)).toBe(true);
    expect(isExpired({ status: "submitted", deadlineAt }, 9_999_999_999)).toBe(false);
  });

  it("reads an expired attempt as auto-submitted at its deadline, graded from what was saved", () => {
    const deadlineAt = new Date(1_000_000);
    const read = effectiveAttempt({ ...base, deadlineAt }, 2_000_000);
    expect(read).toMatchObject({ status: "submitted", autoSubmitted: true, submittedAt: deadlineAt });
    expect(read.part1Score).toBeCloseTo(100 / paper.part1.length, 9);
    const open = { ...base, deadlineAt: new Date(3_000_000) };
    expect(effectiveAttempt(open, 2_000_000)).toBe(open);
  });
});

describe("answers as the browser names them", () => {
  const tokens = attemptTokens(attempt);
  const sheet = answerSheet(attempt);

  it("decode from this attempt's tokens to option ids, and encode back", () => {
    const sent = [{ itemKey: key, value: tokens.encode(key, q.answer) }, { itemKey: "p3:0", value: "方案" }];
    const decoded = decodeAnswers(sheet, sent);
    expect(decoded).toEqual({ ok: true, items: [{ itemKey: key, value: q.answer }, { itemKey: "p3:0", value: "方案" }] });
    expect(encodeAnswers(paper, tokens, { [key]: q.answer, "p3:0": "方案" })).toEqual({ [key]: sent[0].value, "p3:0": "方案" });
  });

  it("refuse raw ids, other attempts' tokens, unknown items and the wrong kind of value", () => {
    expect(decodeAnswers(sheet, [{ itemKey: key, value: q.answer }])).toEqual({ ok: false, reason: "bad-option" });
    const other = attemptTokens({ ...attempt, id: "att2" });
    expect(decodeAnswers(sheet, [{ itemKey: key, value: other.encode(key, q.answer) }])).toEqual({ ok: false, reason: "bad-option" });
    expect(decodeAnswers(sheet, [{ itemKey: "p1:nope", value: [] }])).toEqual({ ok: false, reason: "unknown-item" });
    expect(decodeAnswers(sheet, [{ itemKey: key, value: "text" }])).toEqual({ ok: false, reason: "wrong-kind" });
    expect(decodeAnswers(sheet, [{ itemKey: "p3:1", value: [] }])).toEqual({ ok: false, reason: "wrong-kind" });
  });
});

describe("part-1 review policy", () => {
  const submitted = { status: "submitted" as const };
  const released = { status: "released" as const };
  const left = { used: 1, allowed: 2, open: false };
  const none = { used: 2, allowed: 2, open: false };

  it("by default shows keys only when no attempt is left", () => {
    expect(part1Review("afterLastAttempt", released, left)).toBe("verdicts");
    expect(part1Review("afterLastAttempt", submitted, none)).toBe("keys");
    expect(part1Review("afterLastAttempt", submitted, { ...none, open: true })).toBe("verdicts");
  });

  it("can wait for release, or show keys at once", () => {
    expect(part1Review("afterRelease", submitted, none)).toBe("verdicts");
    expect(part1Review("afterRelease", released, left)).toBe("keys");
    expect(part1Review("afterSubmission", submitted, left)).toBe("keys");
    expect(part1Review("afterSubmission", { status: "in_progress" }, left)).toBe("verdicts");
  });
});
