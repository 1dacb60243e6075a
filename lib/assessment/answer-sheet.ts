import { answerSlots, type Paper } from "@/lib/assessment/paper";
import { attemptTokens } from "@/lib/assessment/rules";
import { TEXT_MAX_LENGTH, type AnswerValue } from "@/lib/assessment/schema";

// The compact description of an attempt's answerable items that a save is checked against
// (decision 025): item key → a text with its longest length, or a choice with the option
// tokens this attempt's page shows and the option ids they stand for. No keys, no rubrics, no
// question text: a few KB instead of the ~40 KB paper, built once per attempt and cached.

export type SheetItem =
  | { kind: "choice"; multiple: boolean; tokens: readonly string[]; optionIds: readonly string[] }
  | { kind: "text"; maxLength: number };

export type AnswerSheet = {
  attemptId: string;
  /** The paper it describes: drawn from the seed and never rewritten, so the seed names it. */
  version: string;
  items: ReadonlyMap<string, SheetItem>;
};

export function answerSheet(attempt: { id: string; seed: string; paper: Paper }): AnswerSheet {
  const tokens = attemptTokens(attempt);
  const items = new Map<string, SheetItem>();
  for (const [itemKey, slot] of answerSlots(attempt.paper)) {
    items.set(
      itemKey,
      slot.kind === "text"
        ? { kind: "text", maxLength: TEXT_MAX_LENGTH }
        : { kind: "choice", multiple: slot.multiple, tokens: tokens.encode(itemKey, slot.options), optionIds: slot.options },
    );
  }
  return { attemptId: attempt.id, version: attempt.seed, items };
}

export type AnswerRefusal = "unknown-item" | "wrong-kind" | "bad-option";

/**
 * The answers of a save as stored (option ids), from what the browser sent (option tokens of this
 * attempt), or the reason none of them may be stored.
 */
export function decodeAnswers(
  sheet: AnswerSheet,
  items: readonly { itemKey: string; value: AnswerValue }[],
): { ok: true; items: { itemKey: string; value: AnswerValue }[] } | { ok: false; reason: AnswerRefusal } {
  const decoded: { itemKey: string; value: AnswerValue }[] = [];
  for (const { itemKey, value } of items) {
    const item = sheet.items.get(itemKey);
    if (!item) return { ok: false, reason: "unknown-item" };
    if (item.kind === "text") {
      if (typeof value !== "string") return { ok: false, reason: "wrong-kind" };
      if (value.length > item.maxLength) return { ok: false, reason: "wrong-kind" };
      decoded.push({ itemKey, value });
      continue;
    }
    if (!Array.isArray(value)) return { ok: false, reason: "wrong-kind" };
    const ids = new Set<string>();
    for (const token of value) {
      const at = item.tokens.indexOf(token);
      if (at < 0) return { ok: false, reason: "bad-option" };
      ids.add(item.optionIds[at]);
    }
    if (!item.multiple && ids.size > 1) return { ok: false, reason: "bad-option" };
    decoded.push({ itemKey, value: [...ids] });
  }
  return { ok: true, items: decoded };
}
