import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { answerSheet, decodeAnswers } from "@/lib/assessment/answer-sheet";
import { answerSlots, drawPaper } from "@/lib/assessment/paper";
import { attemptTokens } from "@/lib/assessment/rules";
import type { AnswerValue } from "@/lib/assessment/schema";
import { createSheetCache } from "@/lib/assessment/sheet-cache";
import { readAssessment } from "@/lib/content/banks";

const content = readAssessment().content!;
const paper = drawPaper(content, "sheet-seed");
const attempt = { id: "att1", seed: "sheet-seed", paper };
const sheet = answerSheet(attempt);

/** The check a save made before answer sheets (decision 015): the whole paper and its tokens. */
function decodeFromPaper(items: { itemKey: string; value: AnswerValue }[]) {
  const slots = answerSlots(paper);
  const tokens = attemptTokens(attempt);
  const decoded: { itemKey: string; value: AnswerValue }[] = [];
  for (const { itemKey, value } of items) {
    const slot = slots.get(itemKey);
    if (!slot) return { ok: false, reason: "unknown-item" };
    if (slot.kind === "text") {
      if (typeof value !== "string") return { ok: false, reason: "wrong-kind" };
      decoded.push({ itemKey, value });
      continue;
    }
    if (!Array.isArray(value)) return { ok: false, reason: "wrong-kind" };
    const ids = tokens.decode(itemKey, value);
    if (!ids || (!slot.multiple && ids.length > 1)) return { ok: false, reason: "bad-option" };
    decoded.push({ itemKey, value: ids });
  }
  return { ok: true, items: decoded };
}

describe("an attempt's answer sheet", () => {
  it("describes every answer slot of the paper and nothing of its keys or text", () => {
    const slots = answerSlots(paper);
    expect([...sheet.items.keys()]).toEqual([...slots.keys()]);
    expect(sheet).toMatchObject({ attemptId: "att1", version: "sheet-seed" });
    const q = paper.part1[0].question;
    const item = sheet.items.get(`p1:${q.id}`);
    expect(item).toEqual({
      kind: "choice",
      multiple: q.type === "multiple",
      tokens: attemptTokens(attempt).encode(`p1:${q.id}`, q.options.map((o) => o.id)),
      optionIds: q.options.map((o) => o.id),
    });
    expect(sheet.items.get("p3:0")).toEqual({ kind: "text", maxLength: 20_000 });
    const json = JSON.stringify([...sheet.items]);
    expect(json).not.toContain(q.prompt);
    expect(Buffer.byteLength(json)).toBeLessThan(Buffer.byteLength(JSON.stringify(paper)) / 4);
  });

  it("decides every save exactly as the check against the whole paper did", () => {
    const tokens = attemptTokens(attempt);
    const keys = [...answerSlots(paper).keys(), "p1:not-on-this-paper", "p2:nope"];
    const optionIds = ["a", "b", "c", "d", "e", "f"];
    const value = (itemKey: string) =>
      fc.oneof(
        fc.string({ maxLength: 30 }),
        fc.array(fc.constantFrom(...optionIds), { maxLength: 4 }).map((ids) => tokens.encode(itemKey, ids)),
        fc.array(fc.constantFrom(...optionIds, "AAAAAAAAAAAAAAAA"), { maxLength: 3 }),
      );
    const item = fc.constantFrom(...keys).chain((itemKey) => value(itemKey).map((v) => ({ itemKey, value: v })));
    fc.assert(
      fc.property(fc.array(item, { maxLength: 5 }), (items) => {
        expect(decodeAnswers(sheet, items)).toEqual(decodeFromPaper(items));
      }),
      { numRuns: 2000 },
    );
  });

  it("refuses a text longer than the item allows", () => {
    expect(decodeAnswers(sheet, [{ itemKey: "p3:0", value: "字".repeat(20_001) }])).toEqual({ ok: false, reason: "wrong-kind" });
    expect(decodeAnswers(sheet, [{ itemKey: "p3:0", value: "字".repeat(20_000) }])).toMatchObject({ ok: true });
  });
});

describe("the sheet cache", () => {
  const sheetFor = (id: string, version = "v1") => ({ attemptId: id, version, items: new Map() });

  it("is keyed by attempt and paper version", () => {
    const cache = createSheetCache(10);
    const one = sheetFor("a1");
    cache.set(one);
    expect(cache.get("a1", "v1")).toBe(one);
    expect(cache.get("a1", "v2")).toBeUndefined();
    expect(cache.get("a2", "v1")).toBeUndefined();
    const two = sheetFor("a1", "v2");
    cache.set(two);
    expect(cache.get("a1", "v2")).toBe(two);
    expect(cache.get("a1", "v1")).toBe(one);
  });

  it("keeps at most its limit, dropping the sheet used longest ago", () => {
    const cache = createSheetCache(3);
    for (const id of ["a", "b", "c"]) cache.set(sheetFor(id));
    cache.get("a", "v1"); // a is now the most recent; b the oldest
    cache.set(sheetFor("d"));
    expect(cache.size).toBe(3);
    expect(cache.get("b", "v1")).toBeUndefined();
    for (const id of ["a", "c", "d"]) expect(cache.get(id, "v1")?.attemptId).toBe(id);
    for (let i = 0; i < 100; i++) cache.set(sheetFor(`x${i}`));
    expect(cache.size).toBe(3);
    cache.set(sheetFor("x99")); // the same key again does not grow it
    expect(cache.size).toBe(3);
  });
});
