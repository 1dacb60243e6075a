import { describe, expect, it } from "vitest";
import type { AnswerSheet } from "@/lib/assessment/answer-sheet";
import { seededRandom } from "@/lib/quiz/random";
import { AnswerLedger, nextEdits, TEXT_RESTART_LENGTH } from "./exam-answers";

const sheet: AnswerSheet = {
  attemptId: "a1",
  version: "seed",
  items: new Map([
    ["q1", { kind: "choice", multiple: false, tokens: ["t1", "t2", "t3"], optionIds: ["o1", "o2", "o3"] }],
    ["q2", { kind: "choice", multiple: true, tokens: ["t4", "t5"], optionIds: ["o4", "o5"] }],
    ["q3", { kind: "choice", multiple: false, tokens: ["t6", "t7"], optionIds: ["o6", "o7"] }],
    ["case", { kind: "text", maxLength: 20_000 }],
  ]),
};

describe("nextEdits", () => {
  it("changes up to two choices by option id and grows the text answer", () => {
    const random = seededRandom("edits");
    const current = new Map<string, unknown>();
    for (let i = 0; i < 20; i++) {
      const answers = nextEdits(sheet, (k) => current.get(k) as string | undefined, random);
      const choices = answers.filter((a) => a.itemKey !== "case");
      expect(choices.length).toBeGreaterThanOrEqual(1);
      expect(choices.length).toBeLessThanOrEqual(2);
      for (const { itemKey, value } of choices) {
        const item = sheet.items.get(itemKey)!;
        if (item.kind !== "choice") throw new Error("not a choice");
        expect((value as string[]).every((id) => item.optionIds.includes(id))).toBe(true);
        if (!item.multiple) expect(value).toHaveLength(1);
      }
      const text = answers.at(-1)!;
      expect(text.itemKey).toBe("case");
      const before = (current.get("case") as string | undefined) ?? "";
      expect((text.value as string).startsWith(before) || (text.value as string).length < before.length).toBe(true);
      expect((text.value as string).length).toBeLessThanOrEqual(TEXT_RESTART_LENGTH);
      for (const a of answers) current.set(a.itemKey, a.value);
    }
  });
});

describe("AnswerLedger", () => {
  const stored = (value: unknown) => [{ attemptId: "a1", itemKey: "case", value }];

  it("finds an acknowledged answer that is not stored", () => {
    const ledger = new AnswerLedger();
    ledger.send("a1", [{ itemKey: "case", value: "one" }])();
    expect(ledger.check(stored("one"))).toEqual({ checked: 1, lost: 0 });
    expect(ledger.check(stored("older"))).toEqual({ checked: 1, lost: 1 });
    expect(ledger.check([])).toEqual({ checked: 1, lost: 1 });
  });

  it("wants the last acknowledged value, or one sent after it", () => {
    const ledger = new AnswerLedger();
    ledger.send("a1", [{ itemKey: "case", value: "one" }])();
    ledger.send("a1", [{ itemKey: "case", value: "two" }])();
    ledger.send("a1", [{ itemKey: "case", value: "three" }]); // never acknowledged
    expect(ledger.check(stored("one")).lost).toBe(1);
    expect(ledger.check(stored("two")).lost).toBe(0);
    expect(ledger.check(stored("three")).lost).toBe(0);
    expect(ledger.current("a1", "case")).toBe("three");
  });

  it("does not check an item no save of which was acknowledged", () => {
    const ledger = new AnswerLedger();
    ledger.send("a1", [{ itemKey: "case", value: "one" }]);
    expect(ledger.check([])).toEqual({ checked: 0, lost: 0 });
  });

  it("compares choices by value", () => {
    const ledger = new AnswerLedger();
    ledger.send("a1", [{ itemKey: "q2", value: ["o4", "o5"] }])();
    expect(ledger.check([{ attemptId: "a1", itemKey: "q2", value: ["o4", "o5"] }]).lost).toBe(0);
    expect(ledger.check([{ attemptId: "a1", itemKey: "q2", value: ["o5", "o4"] }]).lost).toBe(1);
  });
});
