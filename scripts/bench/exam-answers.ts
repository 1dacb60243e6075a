// What simulated learners type into the 结业考核 and how their answers are checked afterwards:
// pure, shared by the exam day (assessment.ts) and the autosave capacity run.
import { isDeepStrictEqual } from "node:util";
import type { AnswerSheet } from "@/lib/assessment/answer-sheet";
import type { AnswerValue } from "@/lib/assessment/schema";
import type { ExamAnswer } from "./exam-client";

const PARAGRAPH = "提升转化率需要先看清流量结构，再针对搜索、推荐和活动三类入口分别优化主图、标题与价格带，并按周复盘投入产出。";
/** A text answer longer than this starts over (a learner rewriting it): the capacity run saves often. */
export const TEXT_RESTART_LENGTH = 4000;

/** One save's worth of typing: two choice answers changed and one text answer grown by a paragraph. */
export function nextEdits(sheet: AnswerSheet, current: (itemKey: string) => AnswerValue | undefined, random: () => number): ExamAnswer[] {
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  const keys = [...sheet.items.keys()];
  const choices = keys.filter((k) => sheet.items.get(k)!.kind === "choice");
  const texts = keys.filter((k) => sheet.items.get(k)!.kind === "text");
  const answers: ExamAnswer[] = [];
  for (const itemKey of [pick(choices), pick(choices)]) {
    const item = sheet.items.get(itemKey)!;
    if (item.kind !== "choice" || answers.some((a) => a.itemKey === itemKey)) continue;
    const options = item.optionIds.filter(() => random() < 0.5);
    answers.push({ itemKey, value: item.multiple ? (options.length ? options : [item.optionIds[0]]) : [pick(item.optionIds)] });
  }
  const text = pick(texts);
  const before = (current(text) as string | undefined) ?? "";
  answers.push({ itemKey: text, value: before.length + PARAGRAPH.length > TEXT_RESTART_LENGTH ? PARAGRAPH : `${before}${PARAGRAPH}` });
  return answers;
}

/**
 * Every answer sent, per attempt and item, and which saves were acknowledged. A stored answer is
 * right when it is the last acknowledged value of its item or a value sent after it (a save that
 * failed on the client's side may still have been stored); an item with no acknowledged save is
 * not checked. A learner's saves go out one after another on one connection, as the page's do.
 */
export class AnswerLedger {
  private readonly items = new Map<string, { value: AnswerValue; acknowledged: boolean }[]>();

  /** Records a save as sent; call the returned function once the server acknowledged it. */
  send(attemptId: string, answers: readonly ExamAnswer[]): () => void {
    const entries = answers.map(({ itemKey, value }) => {
      const key = `${attemptId} ${itemKey}`;
      const entry = { value, acknowledged: false };
      const list = this.items.get(key) ?? [];
      list.push(entry);
      this.items.set(key, list);
      return { key, entry };
    });
    return () => {
      for (const { key, entry } of entries) {
        entry.acknowledged = true;
        // Values sent before an acknowledged one can no longer be the right one: drop them.
        const list = this.items.get(key)!;
        list.splice(0, list.indexOf(entry));
      }
    };
  }

  /** The last value sent of each item, for the next edit to grow from. */
  current(attemptId: string, itemKey: string): AnswerValue | undefined {
    return this.items.get(`${attemptId} ${itemKey}`)?.at(-1)?.value;
  }

  /** Compares the stored answers (values parsed) with what was acknowledged. */
  check(stored: readonly { attemptId: string; itemKey: string; value: unknown }[]): { checked: number; lost: number } {
    const storedValue = new Map(stored.map((a) => [`${a.attemptId} ${a.itemKey}`, a.value]));
    let checked = 0;
    let lost = 0;
    for (const [key, list] of this.items) {
      if (!list[0]?.acknowledged) continue;
      checked++;
      const value = storedValue.get(key);
      if (!list.some((entry) => isDeepStrictEqual(entry.value, value))) lost++;
    }
    return { checked, lost };
  }
}
