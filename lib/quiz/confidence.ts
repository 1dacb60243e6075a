// Confidence-based marking (Gardner-Medwin's scheme, decision 039), as pure functions: the marks,
// an attempt's 信心得分, a learner's calibration, and the misconception rule of item analysis.

export const CONFIDENCE_LEVELS = [1, 2, 3] as const;
export type Confidence = (typeof CONFIDENCE_LEVELS)[number];

export const CONFIDENCE_LABELS: Record<Confidence, string> = { 1: "低", 2: "中", 3: "高" };

/** Marks for a correct and a wrong answer at each confidence level. */
export const CBM_MARKS: Record<Confidence, { correct: number; wrong: number }> = {
  1: { correct: 1, wrong: 0 },
  2: { correct: 2, wrong: -2 },
  3: { correct: 3, wrong: -6 },
};
export const CBM_MAX_PER_QUESTION = 3;

/**
 * Accuracy bands in which each level has the best expected mark: with p the chance of being
 * right, 1 beats 2 below p = 2/3 (p > 4p − 2) and 2 beats 3 below p = 0.8 (4p − 2 > 9p − 6).
 */
export const CALIBRATION_BANDS: Record<Confidence, { from: number; to: number }> = {
  1: { from: 0, to: 2 / 3 },
  2: { from: 2 / 3, to: 0.8 },
  3: { from: 0.8, to: 1 },
};

export const isConfidence = (value: unknown): value is Confidence => value === 1 || value === 2 || value === 3;

/** The mark of one answer; a question left blank (or without a confidence) scores 0. */
export function cbmMark(correct: boolean, confidence: Confidence | null | undefined, answered = true): number {
  if (!answered || !confidence) return 0;
  return correct ? CBM_MARKS[confidence].correct : CBM_MARKS[confidence].wrong;
}

export type CbmScore = {
  /** Sum of the marks: from −6·total to 3·total. */
  points: number;
  /** 3 · number of questions. */
  max: number;
  /** points / max as a percentage, 0 when points are negative (what the learner sees). */
  percent: number;
};

export function cbmScore(points: number, questions: number): CbmScore {
  const max = CBM_MAX_PER_QUESTION * questions;
  return { points, max, percent: max === 0 ? 0 : (Math.max(0, points) / max) * 100 };
}

/** The 信心得分 of a graded attempt from its review (chosen options, verdict, confidence). */
export function cbmScoreOf(review: readonly { chosen: readonly string[]; correct: boolean; confidence?: Confidence }[]): CbmScore {
  const points = review.reduce((sum, item) => sum + cbmMark(item.correct, item.confidence, item.chosen.length > 0), 0);
  return cbmScore(points, review.length);
}

export type CalibrationLevel = { confidence: Confidence; label: string; answers: number; correct: number; accuracy: number | null };

/** Accuracy per confidence level from counted answers (blank answers carry no confidence). */
export function calibration(groups: readonly { confidence: number | null; correct: boolean; count: number }[]): CalibrationLevel[] {
  return CONFIDENCE_LEVELS.map((confidence) => {
    const mine = groups.filter((g) => g.confidence === confidence);
    const answers = mine.reduce((sum, g) => sum + g.count, 0);
    const correct = mine.filter((g) => g.correct).reduce((sum, g) => sum + g.count, 0);
    return { confidence, label: CONFIDENCE_LABELS[confidence], answers, correct, accuracy: answers === 0 ? null : correct / answers };
  });
}

/**
 * 高信心答错 (a likely misconception): at least `minConfident` answers at 高 and at least
 * `wrongShare` of them wrong. At 高 a calibrated learner is right over 80% of the time, so 30%
 * wrong is well past what calibration allows: many learners share a wrong belief.
 */
export const MISCONCEPTION = { minConfident: 5, wrongShare: 0.3 } as const;

export function isMisconception(confident: number, confidentWrong: number): boolean {
  return confident >= MISCONCEPTION.minConfident && confidentWrong >= MISCONCEPTION.wrongShare * confident - 1e-9;
}
