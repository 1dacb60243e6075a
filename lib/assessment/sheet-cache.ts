import type { AnswerSheet } from "@/lib/assessment/answer-sheet";

// Answer sheets kept in this process, so a save reads four columns instead of the paper.
// A Map remembers insertion order: a hit moves its entry to the end, and the entry at the front
// is the one used longest ago. Bounded so a server that sees many attempts keeps only recent ones
// (a sheet is a few KB). Keyed by attempt id and paper version, so a sheet never answers for
// another paper; nothing to invalidate, since a stored paper is never rewritten.

export type SheetCache = {
  get: (attemptId: string, version: string) => AnswerSheet | undefined;
  set: (sheet: AnswerSheet) => void;
  readonly size: number;
};

export function createSheetCache(limit: number): SheetCache {
  const sheets = new Map<string, AnswerSheet>();
  const keyOf = (attemptId: string, version: string) => `${attemptId}\u0000${version}`;
  return {
    get(attemptId, version) {
      const key = keyOf(attemptId, version);
      const sheet = sheets.get(key);
      if (sheet) {
        sheets.delete(key);
        sheets.set(key, sheet);
      }
      return sheet;
    },
    set(sheet) {
      const key = keyOf(sheet.attemptId, sheet.version);
      sheets.delete(key);
      sheets.set(key, sheet);
      if (sheets.size > limit) sheets.delete(sheets.keys().next().value!);
    },
    get size() {
      return sheets.size;
    },
  };
}
