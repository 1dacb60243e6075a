// Grader agreement on double-graded attempts (decision 043): pure statistics, no database.
// Each attempt was scored blind by two graders ("first" and "second"); a and b are their points.

export type AgreementCriterion = { key: string; label: string; part: 2 | 3; max: number; a: number; b: number };
export type DoubleGradedAttempt = { attemptId: string; graderA: string; graderB: string; criteria: AgreementCriterion[] };
/** Counted by the query: attempts both graders finalised, and what became of them. */
export type AgreementCounts = { doubleGraded: number; agreedAtOnce: number; sentToModeration: number; awaitingModeration: number };

export type CriterionAgreement = {
  key: string;
  label: string;
  part: 2 | 3;
  max: number;
  n: number;
  icc: number | null;
  /** Mean absolute difference of the two graders' points. */
  madPoints: number;
  /** The same in percent of the criterion's maximum. */
  madPercent: number;
};
/** Agreement of one unordered pair on the rubric total (in percent of the rubric maximum). */
export type PairAgreement = { graders: [string, string]; n: number; icc: number | null; madPercent: number };
/** Mean of (own rubric total % − the partner's) over the grader's double-graded attempts. */
export type GraderLeniency = { grader: string; n: number; leniency: number };
export type AgreementStats = { counts: AgreementCounts; criteria: CriterionAgreement[]; pairs: PairAgreement[]; graders: GraderLeniency[] };

const mean = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;

/**
 * ICC(1,1) of Shrout & Fleiss (1979): one-way random effects, absolute agreement, single rater,
 * for k = 2 ratings per target. One-way because the graders differ from attempt to attempt.
 * Null below two targets, or when there is no variance at all (every rating the same).
 */
export function icc11(ratings: readonly (readonly [number, number])[]): number | null {
  const n = ratings.length;
  const k = 2;
  if (n < 2) return null;
  const means = ratings.map(([x, y]) => (x + y) / 2);
  const grand = mean(means);
  const msb = (k * means.reduce((s, m) => s + (m - grand) ** 2, 0)) / (n - 1);
  const msw = ratings.reduce((s, [x, y], i) => s + (x - means[i]) ** 2 + (y - means[i]) ** 2, 0) / (n * (k - 1));
  if (msb + msw === 0) return null;
  return (msb - msw) / (msb + (k - 1) * msw);
}

const meanAbsDiff = (ratings: readonly (readonly [number, number])[]): number => mean(ratings.map(([x, y]) => Math.abs(x - y)));

/** Each grader's rubric total on the attempt, in percent of the rubric maximum. */
function totalsPercent(attempt: DoubleGradedAttempt): [number, number] {
  const max = attempt.criteria.reduce((s, c) => s + c.max, 0);
  if (max === 0) return [0, 0];
  const sum = (pick: (c: AgreementCriterion) => number) => (attempt.criteria.reduce((s, c) => s + pick(c), 0) / max) * 100;
  return [sum((c) => c.a), sum((c) => c.b)];
}

function groupInto<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function agreementStats(attempts: readonly DoubleGradedAttempt[], counts: AgreementCounts): AgreementStats {
  const byCriterion = new Map<string, { label: string; part: 2 | 3; max: number; ratings: [number, number][] }>();
  const byPair = new Map<string, { graders: [string, string]; ratings: [number, number][] }>();
  const byGrader = new Map<string, number[]>();

  for (const attempt of attempts) {
    for (const c of attempt.criteria) {
      const entry = byCriterion.get(c.key) ?? { label: c.label, part: c.part, max: c.max, ratings: [] };
      entry.ratings.push([c.a, c.b]);
      byCriterion.set(c.key, entry);
    }
    const [a, b] = totalsPercent(attempt);
    const graders = [attempt.graderA, attempt.graderB].sort() as [string, string];
    const pairKey = graders.join("\u0000");
    const pair = byPair.get(pairKey) ?? { graders, ratings: [] };
    pair.ratings.push([a, b]);
    byPair.set(pairKey, pair);
    groupInto(byGrader, attempt.graderA, a - b);
    groupInto(byGrader, attempt.graderB, b - a);
  }

  const criteria = [...byCriterion]
    .map(([key, { label, part, max, ratings }]) => {
      const madPoints = meanAbsDiff(ratings);
      return { key, label, part, max, n: ratings.length, icc: icc11(ratings), madPoints, madPercent: max > 0 ? (madPoints / max) * 100 : 0 };
    })
    // Part 2 before part 3; within a part, the order criteria first appeared in (rubric order).
    .sort((x, y) => x.part - y.part);
  const pairs = [...byPair.values()]
    .map(({ graders, ratings }) => ({ graders, n: ratings.length, icc: icc11(ratings), madPercent: meanAbsDiff(ratings) }))
    .sort((x, y) => y.n - x.n);
  const graders = [...byGrader]
    .map(([grader, diffs]) => ({ grader, n: diffs.length, leniency: mean(diffs) }))
    .sort((x, y) => y.leniency - x.leniency);
  return { counts, criteria, pairs, graders };
}
