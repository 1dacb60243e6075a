import { randomUUID } from "node:crypto";
import { drawPaper } from "@/lib/assessment/paper";
import { rubricItems, type Scores } from "@/lib/assessment/scoring";
import { readAssessment } from "@/lib/content/banks";
import { combinedScores } from "@/lib/grading/double";
import type { createDbClient } from "@/lib/db-client";

// The hand-computed example of lib/grading/agreement.test.ts as real attempts and blind grades,
// for the integration test and the end-to-end spec. Every attempt draws the paper of one seed,
// whose case has the criterion 全店自查与处罚应对 (p2:self-check-penalties, maximum 10):
//   first grader  8, 6, 9, 4, 7
//   second grader 7, 6, 8, 5, 5
// → ICC(1,1) = 4.05 / 5.45 = 0.7431, mean absolute difference 1 point = 10% of the maximum.
// Both graders give every other criterion its maximum, so those agree exactly and the rubric
// total (maximum 60 of part 2 + 100 of part 3 = 160) moves only with that criterion:
// - pair ICC on totals in % is the same 0.7431 (ICC is unchanged by adding or scaling alike);
// - pair mean absolute difference = 1 / 160 × 100 = 0.625%;
// - leniency of the first grader = mean(a − b) / 160 × 100 = (1 + 0 + 1 − 1 + 2) / 5 / 1.6 = +0.375,
//   of the second −0.375, each over n = 5.
// With a tolerance of 10% the fifth attempt (7 vs 5) is disputed: it waits for moderation; the
// other four were graded with the pair's mean. A sixth attempt has only the first grade finalised
// and counts nowhere.

export const EXAMPLE = {
  seed: "agreement-example",
  criterion: { key: "p2:self-check-penalties", label: "全店自查与处罚应对", max: 10 },
  first: [8, 6, 9, 4, 7],
  second: [7, 6, 8, 5, 5],
  rubricMax: 160,
  icc: 0.7431,
  madPoints: 1,
  madPercent: 10,
  pairMadPercent: 0.625,
  leniency: 0.375,
};

type Db = ReturnType<typeof createDbClient>;

function scoresWith(items: ReturnType<typeof rubricItems>, points: number): Scores {
  return Object.fromEntries(items.map((i) => [i.key, { points: i.key === EXAMPLE.criterion.key ? points : i.max, comment: "" }]));
}

/** Inserts the example graded by `firstGrader` and `secondGrader` (user ids); returns the disputed attempt's id. */
export async function insertAgreementExample(db: Db, firstGrader: string, secondGrader: string): Promise<{ disputedAttemptId: string }> {
  const paper = drawPaper(readAssessment().content!, EXAMPLE.seed);
  const items = rubricItems(paper);
  const max = items.find((i) => i.key === EXAMPLE.criterion.key)?.max;
  const total = items.reduce((s, i) => s + i.max, 0);
  if (max !== EXAMPLE.criterion.max || total !== EXAMPLE.rubricMax) throw new Error("the assessment bank changed: recompute the hand example");
  const now = new Date();
  let disputedAttemptId = "";
  for (let i = 0; i < 6; i++) {
    const userId = randomUUID();
    await db.user.create({ data: { id: userId, name: `双评学员${i + 1}`, email: `agreement-${userId}@example.com` } });
    const first = scoresWith(items, EXAMPLE.first[i] ?? 5);
    const second = scoresWith(items, EXAMPLE.second[i] ?? 5);
    const finished = i < 4; // agreed: graded with the pair's mean (held, not released)
    const attempt = await db.assessmentAttempt.create({
      data: {
        userId,
        number: 1,
        seed: EXAMPLE.seed,
        status: finished ? "graded" : "submitted",
        paper: JSON.stringify(paper),
        deadlineAt: now,
        submittedAt: now,
        doubleGrading: i % 2 ? "picked" : "random",
        gradeScores: finished ? JSON.stringify(combinedScores(items, first, second)) : null,
        gradedAt: finished ? now : null,
      },
      select: { id: true },
    });
    if (i === 4) disputedAttemptId = attempt.id;
    await db.blindGrade.createMany({
      data: [
        { attemptId: attempt.id, graderId: firstGrader, role: "first", scores: JSON.stringify(first), finalisedAt: now },
        { attemptId: attempt.id, graderId: secondGrader, role: "second", scores: JSON.stringify(second), finalisedAt: i < 5 ? now : null },
      ],
    });
  }
  return { disputedAttemptId };
}
