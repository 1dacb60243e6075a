import type { AssessmentConfig } from "@/lib/content/question-schema";

export type PartScores = { part1: number; part2: number; part3: number };
export type Outcome = "failed" | "passed" | "certified";

// Scores are sums of fractions such as 100·17/30; rounding to 9 places removes binary noise
// (74.99999999999 from 0.3·… arithmetic) without moving any real score across a threshold.
const clean = (x: number) => Math.round(x * 1e9) / 1e9;

/** Weighted total, weights in percent (30/30/40 by default, from config.yaml). */
export function finalScore(parts: PartScores, weights: AssessmentConfig["weights"]): number {
  return clean((parts.part1 * weights.part1 + parts.part2 * weights.part2 + parts.part3 * weights.part3) / 100);
}

/** ≥ pass mark passes; ≥ certificate mark earns the certificate (以上 includes the mark itself). */
export function outcome(score: number, config: Pick<AssessmentConfig, "passScore" | "certificateScore">): Outcome {
  if (score >= config.certificateScore) return "certified";
  if (score >= config.passScore) return "passed";
  return "failed";
}

/** One decimal, truncated: a 74.96 shows as 74.9, never as a passing-looking 75.0. */
export function formatScore(score: number): string {
  return (Math.floor(clean(score) * 10) / 10).toFixed(1);
}
