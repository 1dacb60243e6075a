import type { ContentProblem } from "@/lib/content/schema";

// A bank whose keys lean on one position can be passed without reading: "always a" scored 75 of
// 96 on the module quizzes before the keys were rebalanced (issue 13). No single position may hold
// more than 40% of a bank's single-choice keys, no one answer set more than 40% of its
// multiple-choice keys. The minimum counts are the smallest at which 40% can always be met:
// 5 single-choice keys (2 + 2 + 1 even with three options), 3 multiple-choice keys (all different).

export const MAX_KEY_SHARE = 0.4;
export const MIN_SINGLE_KEYS = 5;
export const MIN_MULTIPLE_KEYS = 3;
export const REBALANCE_HINT = "调换选项顺序让答案分散到不同位置，或运行 npx tsx scripts/content/rebalance-keys.ts";

export type KeyedQuestion = { type: "single" | "multiple"; answer: string[]; file: string; line: number };

const percent = (count: number, total: number) => `${Math.round((100 * count) / total)}%`;

function tally(keys: string[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return [...counts].sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
}

/**
 * Problems of one bank (a module quiz, a part-1 file, all cases together), named by `bank`
 * (本测验, 本文件…), reported at the first question whose key is the one that leans.
 */
export function keyBalanceProblems(questions: KeyedQuestion[], bank: string): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const check = (kind: "single" | "multiple", min: number) => {
    const items = questions.filter((q) => q.type === kind);
    const keyOf = (q: KeyedQuestion) => [...q.answer].sort().join(",");
    if (items.length < min) return;
    const counts = tally(items.map(keyOf));
    const [top, count] = counts[0];
    if (count / items.length <= MAX_KEY_SHARE) return;
    const at = items.find((q) => keyOf(q) === top)!;
    const shares = counts.map(([key, n]) => `${key} ${percent(n, items.length)}`).join("、");
    const message =
      kind === "single"
        ? `单选题答案偏向 ${top}：${bank} ${items.length} 道单选题中 ${count} 道（${percent(count, items.length)}）的答案是 ${top}，任一位置不得超过 ${percent(MAX_KEY_SHARE, 1)}（各位置占比：${shares}）。${REBALANCE_HINT}`
        : `多选题答案组合偏向 ${top}：${bank} ${items.length} 道多选题中 ${count} 道（${percent(count, items.length)}）的答案都是 ${top}，任一组合不得超过 ${percent(MAX_KEY_SHARE, 1)}（各组合占比：${shares}）。${REBALANCE_HINT}`;
    problems.push({ file: at.file, line: at.line, message });
  };
  check("single", MIN_SINGLE_KEYS);
  check("multiple", MIN_MULTIPLE_KEYS);
  return problems;
}
