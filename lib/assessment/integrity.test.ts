import { describe, expect, it } from "vitest";
import { autosaveSchema, describeEvent, eventsToStore, formatDuration, MAX_EVENTS_PER_ATTEMPT, pasteTargets, summarizeIntegrity, summaryLine, type IntegrityLogEntry } from "@/lib/assessment/integrity";

const t0 = Date.parse("2026-12-03T02:00:00.000Z");
const at = (seconds: number) => new Date(t0 + seconds * 1000);
const entry = (type: IntegrityLogEntry["type"], seconds: number, extra: Partial<IntegrityLogEntry> = {}): IntegrityLogEntry => ({
  type,
  at: at(seconds),
  itemKey: null,
  detail: null,
  ...extra,
});

describe("summarizeIntegrity", () => {
  it("counts a tab switch (blur and hidden together) as one leave and sums time away", () => {
    const log = [
      entry("blur", 0),
      entry("hidden", 1),
      entry("visible", 60),
      entry("focus", 61),
      entry("blur", 100),
      entry("focus", 170),
      entry("paste", 200, { itemKey: "p3:0", detail: 120 }),
    ];
    const summary = summarizeIntegrity(log);
    expect(summary).toEqual({ leaves: 2, awayMs: 131_000, pastes: 1, pastedChars: 120 });
    expect(summaryLine(summary)).toBe("离开页面 2 次，共 2 分 11 秒；粘贴 1 次，共 120 字");
  });

  it("sorts by time (batches arrive in any order) and counts a leave never returned from without time", () => {
    const summary = summarizeIntegrity([entry("visible", 30), entry("hidden", 0), entry("hidden", 50)]);
    expect(summary).toMatchObject({ leaves: 2, awayMs: 30_000 });
  });

  it("ends an absence when the page is opened again (a reload, or back after closing it)", () => {
    const log = [entry("open", 0), entry("hidden", 10), entry("open", 70), entry("blur", 100), entry("focus", 105)];
    expect(summarizeIntegrity(log)).toMatchObject({ leaves: 2, awayMs: 65_000 });
  });

  it("takes a focused window as a visible page", () => {
    expect(summarizeIntegrity([entry("hidden", 0), entry("blur", 1), entry("focus", 20), entry("blur", 30)])).toMatchObject({ leaves: 2, awayMs: 20_000 });
  });

  it("says so when nothing happened", () => {
    expect(summaryLine(summarizeIntegrity([]))).toBe("未离开页面；未粘贴");
  });
});

describe("wording", () => {
  it("formats durations in Chinese", () => {
    expect(formatDuration(45_000)).toBe("45 秒");
    expect(formatDuration(120_000)).toBe("2 分");
    expect(formatDuration(3_780_000)).toBe("1 小时 3 分");
  });

  it("names where a paste went, never what was pasted", () => {
    const paper = { case: { study: { questions: [{ id: "gmv" }, { id: "plan-why" }] } } } as unknown as Parameters<typeof pasteTargets>[0];
    const targets = pasteTargets(paper);
    expect(describeEvent(entry("paste", 0, { itemKey: "p3:1", detail: 42 }), targets)).toBe("在第三部分第 2 项粘贴 42 字");
    expect(describeEvent(entry("paste", 0, { itemKey: "p2:plan-why", detail: 5 }), targets)).toBe("在第二部分第 2 题粘贴 5 字");
    expect(describeEvent(entry("paste", 0, { detail: 5 }), targets)).toBe("粘贴 5 字");
  });
});

describe("autosaveSchema", () => {
  const event = { id: "abcdef012345", type: "blur", at: "2026-12-03T02:00:00.000Z" };

  it("takes a save of events alone, but not an empty one", () => {
    expect(autosaveSchema.safeParse({ answers: [], integrity: [event] }).success).toBe(true);
    expect(autosaveSchema.safeParse({ answers: [] }).success).toBe(false);
    // The attempt is the URL's: a body naming one is refused.
    expect(autosaveSchema.safeParse({ attemptId: "a1", answers: [], integrity: [event] }).success).toBe(false);
  });

  it("refuses unknown types, bad times, bad item keys, extra fields and oversized batches", () => {
    const bad = [
      { ...event, type: "copy" },
      { ...event, at: "yesterday" },
      { ...event, itemKey: "__proto__" },
      { ...event, text: "pasted words" },
      { ...event, detail: -1 },
      { ...event, id: "x" },
    ];
    for (const e of bad) expect(autosaveSchema.safeParse({ answers: [], integrity: [e] }).success, JSON.stringify(e)).toBe(false);
    const many = Array.from({ length: 101 }, (_, i) => ({ ...event, id: `event${String(i).padStart(4, "0")}` }));
    expect(autosaveSchema.safeParse({ answers: [], integrity: many }).success).toBe(false);
  });
});

describe("eventsToStore", () => {
  const ids = (...names: string[]) => names.map((id) => ({ id }));

  it("skips what is stored and what repeats within the batch", () => {
    expect(eventsToStore(ids("a", "b", "b", "c"), new Set(["a"]), 1)).toEqual({ keep: ids("b", "c"), dropped: 0 });
  });

  it("keeps only what fits under the per-attempt cap", () => {
    expect(eventsToStore(ids("a", "b", "c"), new Set(), MAX_EVENTS_PER_ATTEMPT - 2)).toEqual({ keep: ids("a", "b"), dropped: 1 });
    expect(eventsToStore(ids("a"), new Set(), MAX_EVENTS_PER_ATTEMPT)).toEqual({ keep: [], dropped: 1 });
  });
});
