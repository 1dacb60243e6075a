// Review analytics (decision 038), pure. A review's interval is the time since the card's previous
// review (or since it entered the book, for its first), rounded to whole days. Retention at an
// interval is the share of reviews in that interval's bucket answered correctly.

export const RETENTION_BUCKETS = [
  { key: "d1", label: "1 天", min: 1, max: 3 },
  { key: "d7", label: "7 天", min: 4, max: 14 },
  { key: "d30", label: "30 天", min: 15, max: 60 },
] as const;
export type BucketKey = (typeof RETENTION_BUCKETS)[number]["key"];

export type ReviewFact = { questionKey: string; moduleSlug: string; userId: string; correct: boolean; elapsedDays: number };
export type RetentionCell = { reviews: number; correct: number; rate: number | null };
export type ReviewStats = { reviews: number; learners: number; correct: number; retention: Record<BucketKey, RetentionCell> };

/** The bucket of an interval, or null (same day, or past 60 days). */
export function bucketOf(elapsedDays: number): BucketKey | null {
  const days = Math.round(elapsedDays);
  return RETENTION_BUCKETS.find((b) => days >= b.min && days <= b.max)?.key ?? null;
}

export function reviewStats(facts: readonly ReviewFact[]): ReviewStats {
  const retention = Object.fromEntries(RETENTION_BUCKETS.map((b) => [b.key, { reviews: 0, correct: 0, rate: null }])) as Record<BucketKey, RetentionCell>;
  for (const fact of facts) {
    const bucket = bucketOf(fact.elapsedDays);
    if (!bucket) continue;
    retention[bucket].reviews += 1;
    if (fact.correct) retention[bucket].correct += 1;
  }
  for (const cell of Object.values(retention)) cell.rate = cell.reviews ? cell.correct / cell.reviews : null;
  return { reviews: facts.length, learners: new Set(facts.map((f) => f.userId)).size, correct: facts.filter((f) => f.correct).length, retention };
}

/** Stats per group (module or question), in first-seen order of `keyOf`. */
export function statsBy(facts: readonly ReviewFact[], keyOf: (fact: ReviewFact) => string): Map<string, ReviewStats> {
  const groups = new Map<string, ReviewFact[]>();
  for (const fact of facts) {
    const key = keyOf(fact);
    const list = groups.get(key);
    if (list) list.push(fact);
    else groups.set(key, [fact]);
  }
  return new Map([...groups].map(([key, list]) => [key, reviewStats(list)]));
}
