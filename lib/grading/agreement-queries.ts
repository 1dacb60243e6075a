import "server-only";
import { db } from "@/lib/db";
import type { Paper } from "@/lib/assessment/paper";
import { rubricItems, type RubricItem, type Scores } from "@/lib/assessment/scoring";
import { agreementStats, type AgreementStats, type DoubleGradedAttempt } from "@/lib/grading/agreement";

// The rows behind 评分一致性 (decision 043): attempts both blind graders finalised, with the
// criteria of each attempt's own paper (part 2's depend on the case drawn).

export type GradingAgreement = AgreementStats & { names: Record<string, string> };

// A paper is 25-40 KB; reading them in slices keeps memory flat and every IN list far below
// SQLite's and PostgreSQL's bound-parameter limits. Measured (2 busy cores): 3,000 double-graded
// attempts in 1.3 s on SQLite, 1.1 s of papers on PostgreSQL. Cutting the rubrics out in SQL
// (json_extract / jsonb) halved SQLite's time but doubled PostgreSQL's, so both read whole papers.
const PAPER_SLICE = 500;

async function rubricsOf(attemptIds: string[]): Promise<Map<string, RubricItem[]>> {
  const rubrics = new Map<string, RubricItem[]>();
  for (let i = 0; i < attemptIds.length; i += PAPER_SLICE) {
    const rows = await db.assessmentAttempt.findMany({ where: { id: { in: attemptIds.slice(i, i + PAPER_SLICE) } }, select: { id: true, paper: true } });
    for (const row of rows) rubrics.set(row.id, rubricItems(JSON.parse(row.paper) as Paper));
  }
  return rubrics;
}

const pointsOf = (scores: Scores, key: string): number => (Object.hasOwn(scores, key) ? Number(scores[key].points) || 0 : 0);

export async function gradingAgreement(): Promise<GradingAgreement> {
  const grades = await db.blindGrade.findMany({
    where: { finalisedAt: { not: null } },
    select: { attemptId: true, graderId: true, role: true, scores: true, attempt: { select: { status: true } } },
  });
  const byAttempt = new Map<string, { status: string; first?: (typeof grades)[number]; second?: (typeof grades)[number]; moderated: boolean }>();
  for (const g of grades) {
    const entry = byAttempt.get(g.attemptId) ?? { status: g.attempt.status, moderated: false };
    if (g.role === "first") entry.first = g;
    else if (g.role === "second") entry.second = g;
    else if (g.role === "moderator") entry.moderated = true;
    byAttempt.set(g.attemptId, entry);
  }
  const both = [...byAttempt].filter(([, e]) => e.first && e.second);
  const rubrics = await rubricsOf(both.map(([id]) => id));

  const attempts: DoubleGradedAttempt[] = [];
  const counts = { doubleGraded: both.length, agreedAtOnce: 0, sentToModeration: 0, awaitingModeration: 0 };
  for (const [attemptId, { status, first, second, moderated }] of both) {
    // Still "submitted" after both graders finalised means they disagreed and no moderator has finished.
    const awaiting = status === "submitted" && !moderated;
    if (awaiting) counts.awaitingModeration++;
    if (awaiting || moderated) counts.sentToModeration++;
    else counts.agreedAtOnce++;
    const a = JSON.parse(first!.scores) as Scores;
    const b = JSON.parse(second!.scores) as Scores;
    const criteria = (rubrics.get(attemptId) ?? []).map((item) => ({ key: item.key, label: item.criterion, part: item.part, max: item.max, a: pointsOf(a, item.key), b: pointsOf(b, item.key) }));
    attempts.push({ attemptId, graderA: first!.graderId, graderB: second!.graderId, criteria });
  }

  const stats = agreementStats(attempts, counts);
  const graderIds = stats.graders.map((g) => g.grader);
  const users = graderIds.length ? await db.user.findMany({ where: { id: { in: graderIds } }, select: { id: true, name: true } }) : [];
  const names: Record<string, string> = Object.create(null);
  for (const u of users) names[u.id] = u.name;
  return { ...stats, names };
}
