import { DEFAULT_MIN_RESPONSES } from "@/lib/content/question-schema";
import { isMisconception } from "@/lib/quiz/confidence";

// Classical item analysis of choice questions, as pure functions. Each item is analysed over the
// respondents who were given it (assessment papers draw different questions per learner).

export type ItemResponse = { itemId: string; correct: boolean; chosen: readonly string[] };
export type Respondent = { total: number; responses: readonly ItemResponse[] };

export type ItemFlag = "too_easy" | "too_hard" | "low_discrimination" | "misconception";

export type OptionFrequency = { id: string; count: number; share: number };

export type ItemStats = {
  itemId: string;
  /** Respondents who were given the item. */
  n: number;
  /** Share correct; null with no respondents. */
  facility: number | null;
  /** Size of each of the upper and lower groups (27% of n, rounded, at least 1). */
  groupSize: number;
  pUpper: number | null;
  pLower: number | null;
  /** pUpper − pLower; null below 2 respondents. */
  discrimination: number | null;
  /** Correlation of correctness with the total; null when either has no variance. */
  pointBiserial: number | null;
  options: OptionFrequency[];
  /** Respondents who chose nothing. */
  blank: number;
  /** Answers given at confidence 高 (confidence-marked quizzes), and how many of them were wrong. */
  confident: number;
  confidentWrong: number;
  /**
   * Facility and discrimination flags stay empty while n is below the minimum number of responses
   * (see `flaggable`); "misconception" has its own minimum of answers at 高 (lib/quiz/confidence.ts).
   */
  flags: ItemFlag[];
  /** n has reached the minimum number of responses for flags. */
  flaggable: boolean;
};

export const GROUP_SHARE = 0.27;
export const THRESHOLDS = { easy: 0.9, hard: 0.2, discrimination: 0.2 } as const;
/** `minResponses`: responses an item needs before it is flagged (config.yaml `analytics.minResponses`). */
export type AnalysisOptions = { minResponses?: number };

// Differences such as 0.4 − 0.2 carry binary noise; 9 places keep every real threshold exact.
const clean = (x: number) => Math.round(x * 1e9) / 1e9;

type Column = { totals: number[]; correct: number[]; weights: number[]; options: Map<string, number>; blank: number; confident: number; confidentWrong: number };

const emptyColumn = (): Column => ({ totals: [], correct: [], weights: [], options: new Map(), blank: 0, confident: 0, confidentWrong: 0 });

/**
 * Collects responses into compact per-item columns. A response may carry a weight: the number of
 * identical responses it stands for (same item, total, verdict and options), so the database can
 * hand over counted groups instead of every row; the statistics are those of the repeated rows.
 */
export class ItemStatsAccumulator {
  private readonly items = new Map<string, Column>();
  private readonly minResponses: number;

  constructor({ minResponses = DEFAULT_MIN_RESPONSES }: AnalysisOptions = {}) {
    this.minResponses = minResponses;
  }

  private column(itemId: string): Column {
    let column = this.items.get(itemId);
    if (!column) {
      column = emptyColumn();
      this.items.set(itemId, column);
    }
    return column;
  }

  add(total: number, response: ItemResponse, weight = 1): void {
    if (!(weight > 0)) return;
    const column = this.column(response.itemId);
    column.totals.push(total);
    column.correct.push(response.correct ? 1 : 0);
    column.weights.push(weight);
    if (response.chosen.length === 0) column.blank += weight;
    for (const id of new Set(response.chosen)) column.options.set(id, (column.options.get(id) ?? 0) + weight);
  }

  /** `weight` answers to the item at confidence 高 with this verdict (also counted through add()). */
  addConfident(itemId: string, correct: boolean, weight = 1): void {
    if (!(weight > 0)) return;
    const column = this.column(itemId);
    column.confident += weight;
    if (!correct) column.confidentWrong += weight;
  }

  addRespondent(respondent: Respondent): void {
    for (const response of respondent.responses) this.add(respondent.total, response);
  }

  itemIds(): string[] {
    return [...this.items.keys()];
  }

  /** Statistics of one item; `optionIds` (the bank's options, in order) lists unchosen ones too. */
  stats(itemId: string, optionIds: readonly string[] = []): ItemStats {
    const column = this.items.get(itemId) ?? emptyColumn();
    return computeItem(itemId, column, optionIds, this.minResponses);
  }
}

/** Statistics of every item that appears in `respondents`. */
export function analyzeItems(
  respondents: readonly Respondent[],
  optionIds: Readonly<Record<string, readonly string[]>> = {},
  options: AnalysisOptions = {},
): ItemStats[] {
  const acc = new ItemStatsAccumulator(options);
  for (const r of respondents) acc.addRespondent(r);
  return acc.itemIds().map((id) => acc.stats(id, optionIds[id]));
}

const sumOf = (values: readonly number[]) => values.reduce((sum, x) => sum + x, 0);

function computeItem(itemId: string, { totals, correct, weights, options, blank, confident, confidentWrong }: Column, optionIds: readonly string[], minResponses: number): ItemStats {
  const n = sumOf(weights);
  const right = correct.reduce((sum, c, i) => sum + c * weights[i], 0);
  const facility = n === 0 ? null : clean(right / n);
  const groupSize = n < 2 ? 0 : Math.max(1, Math.round(GROUP_SHARE * n));
  const pUpper = groupSize ? clean(groupShareCorrect(totals, correct, groupSize, "upper", weights)) : null;
  const pLower = groupSize ? clean(groupShareCorrect(totals, correct, groupSize, "lower", weights)) : null;
  const discrimination = pUpper === null || pLower === null ? null : clean(pUpper - pLower);
  // A handful of responses says little: one right answer would read as 过易.
  const flaggable = n >= minResponses;
  return {
    itemId,
    n,
    facility,
    groupSize,
    pUpper,
    pLower,
    discrimination,
    pointBiserial: pointBiserial(totals, correct, weights),
    options: optionFrequencies(options, n, optionIds),
    blank,
    confident,
    confidentWrong,
    flags: [...(flaggable ? flagsOf(facility, discrimination) : []), ...(isMisconception(confident, confidentWrong) ? ["misconception" as const] : [])],
    flaggable,
  };
}

/**
 * Share correct in the top (or bottom) `k` respondents by total. When the group boundary cuts
 * through tied totals, every tied respondent counts with the same fractional weight, so the
 * result never depends on the order rows came from the database. `weights[i]` (default 1) is
 * how many identical respondents entry i stands for.
 */
export function groupShareCorrect(
  totals: readonly number[],
  correct: readonly number[],
  k: number,
  side: "upper" | "lower",
  weights?: readonly number[],
): number {
  const weight = (i: number) => (weights ? weights[i] : 1);
  const order = totals.map((_, i) => i).sort((a, b) => (side === "upper" ? totals[b] - totals[a] : totals[a] - totals[b]));
  // The boundary is the total of the k-th respondent counted from that side.
  let boundary = totals[order[order.length - 1]];
  let counted = 0;
  for (const i of order) {
    counted += weight(i);
    if (counted >= k) {
      boundary = totals[i];
      break;
    }
  }
  let inside = 0; // strictly beyond the boundary: full members
  let insideCorrect = 0;
  let tied = 0;
  let tiedCorrect = 0;
  for (const i of order) {
    if (totals[i] === boundary) {
      tied += weight(i);
      tiedCorrect += correct[i] * weight(i);
    } else if (side === "upper" ? totals[i] > boundary : totals[i] < boundary) {
      inside += weight(i);
      insideCorrect += correct[i] * weight(i);
    }
  }
  return (insideCorrect + ((k - inside) * tiedCorrect) / tied) / k;
}

/**
 * Pearson correlation of 0/1 correctness with the total (uncorrected: the total includes the
 * item). `weights[i]` (default 1) is how many identical respondents entry i stands for.
 */
export function pointBiserial(totals: readonly number[], correct: readonly number[], weights?: readonly number[]): number | null {
  const weight = (i: number) => (weights ? weights[i] : 1);
  let n = 0;
  let n1 = 0;
  let sum = 0;
  for (let i = 0; i < totals.length; i++) {
    n += weight(i);
    n1 += correct[i] * weight(i);
    sum += totals[i] * weight(i);
  }
  if (n < 2 || n1 === 0 || n1 === n) return null;
  const mean = sum / n;
  let squares = 0;
  let sum1 = 0;
  for (let i = 0; i < totals.length; i++) {
    squares += weight(i) * (totals[i] - mean) ** 2;
    if (correct[i]) sum1 += totals[i] * weight(i);
  }
  const sd = Math.sqrt(squares / n);
  if (sd === 0) return null;
  const mean1 = sum1 / n1;
  const mean0 = (mean * n - sum1) / (n - n1);
  const p = n1 / n;
  return clean(((mean1 - mean0) / sd) * Math.sqrt(p * (1 - p)));
}

function optionFrequencies(counts: ReadonlyMap<string, number>, n: number, optionIds: readonly string[]): OptionFrequency[] {
  const extra = [...counts.keys()].filter((id) => !optionIds.includes(id)).sort();
  return [...optionIds, ...extra].map((id) => {
    const count = counts.get(id) ?? 0;
    return { id, count, share: n === 0 ? 0 : clean(count / n) };
  });
}

/** Too easy above 0.9, too hard below 0.2, weak below 0.2 discrimination (bounds themselves pass). */
export function flagsOf(facility: number | null, discrimination: number | null): ItemFlag[] {
  const flags: ItemFlag[] = [];
  if (facility !== null && facility > THRESHOLDS.easy) flags.push("too_easy");
  if (facility !== null && facility < THRESHOLDS.hard) flags.push("too_hard");
  if (discrimination !== null && discrimination < THRESHOLDS.discrimination) flags.push("low_discrimination");
  return flags;
}

export const FLAG_LABELS: Record<ItemFlag, string> = {
  too_easy: "过易",
  too_hard: "过难",
  low_discrimination: "区分度低",
  misconception: "高信心答错",
};
