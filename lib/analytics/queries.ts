import "server-only";
import { histogram, type Bin } from "@/lib/analytics/cohort";
import { ItemStatsAccumulator, type AnalysisOptions } from "@/lib/analytics/item-stats";
import { bankOf, chosenIds, PART1_BANK, QUIZ_BANK_PREFIX } from "@/lib/item-responses/rows";
import type { AttemptScope } from "@/lib/analytics/schema";
import type { Outcome } from "@/lib/assessment/schema";
import type { Course } from "@/lib/content/schema";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

// Cohort reads for trainers and admins. Only learners count: trainers trying a quiz would skew
// the numbers. Roles are checked when reading (a role can change after an attempt). Portable SQL
// and Prisma only: the same statements run on SQLite and PostgreSQL.

const LEARNER = { user: { role: "learner" } };
const SUBMITTED = ["submitted", "graded", "released"];

export type ItemResponses = {
  items: ItemStatsAccumulator;
  /** Content versions each item was answered in (a bank edit changes the version). */
  versions: Map<string, Set<string>>;
  /** Attempts analysed: per module slug, and of the 结业考核. */
  attempts: { quiz: Record<string, number>; part1: number };
};

const toBool = (value: unknown) => value === true || value === 1 || value === 1n || value === "1" || value === "t" || value === "true";

/**
 * Item responses of module quizzes and of part 1 of submitted 结业考核 attempts, counted by the
 * database from the rows stored when each attempt was graded (item_response): one group per item,
 * version, attempt score, verdict and chosen options, each fed to the statistics as a weighted
 * response. One ordered pass over item_response_analysis_idx, no sort. Each attempt has one
 * position-0 row, so those count the attempts. With scope "first" only each learner's first
 * attempt counts (per module for quizzes): retakes come after the learner has seen the keys,
 * which would make every item look easier. `options.minResponses`: no flag below that many responses.
 * A second, small read counts the answers given at confidence 高 for the 高信心答错 flag.
 */
export async function loadItemResponses(scope: AttemptScope, options: AnalysisOptions = {}): Promise<ItemResponses> {
  const first = scope === "first" ? Prisma.sql`AND r."first" = ${true}` : Prisma.empty;
  // NOT IN the few staff rather than a join per row: every row's user exists (rows go with their
  // attempt, attempts with their user), so this is exactly "the user is a learner".
  const groups = await db.$queryRaw<{ itemKey: string; version: string | null; total: unknown; correct: unknown; chosen: string; n: unknown; attempts: unknown }[]>`
    SELECT r."itemKey" AS "itemKey", r."version" AS version, r."total" AS total, r."correct" AS correct, r."chosen" AS chosen,
      COUNT(*) AS n, SUM(CASE WHEN r."position" = 0 THEN 1 ELSE 0 END) AS attempts
    FROM "item_response" r
    WHERE r."userId" NOT IN (SELECT s."id" FROM "user" s WHERE s."role" <> 'learner') ${first}
    GROUP BY r."itemKey", r."version", r."total", r."correct", r."chosen"`;

  // 高信心答错: answers at confidence 3 per item and verdict (item_response_confidence_idx).
  const confident = await db.$queryRaw<{ itemKey: string; correct: unknown; n: unknown }[]>`
    SELECT r."itemKey" AS "itemKey", r."correct" AS correct, COUNT(*) AS n
    FROM "item_response" r
    WHERE r."confidence" = 3 AND r."userId" NOT IN (SELECT s."id" FROM "user" s WHERE s."role" <> 'learner') ${first}
    GROUP BY r."itemKey", r."correct"`;

  const result: ItemResponses = { items: new ItemStatsAccumulator(options), versions: new Map(), attempts: { quiz: {}, part1: 0 } };
  for (const g of groups) {
    result.items.add(Number(g.total), { itemId: g.itemKey, correct: toBool(g.correct), chosen: chosenIds(g.chosen) }, Number(g.n));
    if (g.version !== null) result.versions.set(g.itemKey, (result.versions.get(g.itemKey) ?? new Set<string>()).add(g.version));
    const attempts = Number(g.attempts);
    if (!attempts) continue;
    const bank = bankOf(g.itemKey);
    if (bank === PART1_BANK) result.attempts.part1 += attempts;
    else if (bank.startsWith(QUIZ_BANK_PREFIX)) {
      const slug = bank.slice(QUIZ_BANK_PREFIX.length);
      result.attempts.quiz[slug] = (result.attempts.quiz[slug] ?? 0) + attempts;
    }
  }
  for (const c of confident) result.items.addConfident(c.itemKey, toBool(c.correct), Number(c.n));
  return result;
}

export type CohortResults = {
  releasedAttempts: number;
  histograms: { final: Bin[]; part1: Bin[]; part2: Bin[]; part3: Bin[] };
  /** Released attempts by outcome. */
  attempts: Record<Outcome, number>;
  /** Learners with a released result, by their best outcome. */
  learners: Record<Outcome, number>;
};

const RANK: Record<Outcome, number> = { failed: 0, passed: 1, certified: 2 };

/** Score distributions and outcomes of released attempts (what learners have been told). */
export async function getCohortResults(): Promise<CohortResults> {
  const rows = await db.assessmentAttempt.findMany({
    where: { ...LEARNER, status: "released" },
    select: { userId: true, part1Score: true, part2Score: true, part3Score: true, finalScore: true, outcome: true },
  });
  const scores = (pick: (r: (typeof rows)[number]) => number | null) => rows.map(pick).filter((s): s is number => s !== null);
  const attempts: Record<Outcome, number> = { failed: 0, passed: 0, certified: 0 };
  const best = new Map<string, Outcome>();
  for (const row of rows) {
    const outcome = row.outcome as Outcome | null;
    if (!outcome || !(outcome in RANK)) continue;
    attempts[outcome] += 1;
    const prev = best.get(row.userId);
    if (!prev || RANK[outcome] > RANK[prev]) best.set(row.userId, outcome);
  }
  const learners: Record<Outcome, number> = { failed: 0, passed: 0, certified: 0 };
  for (const outcome of best.values()) learners[outcome] += 1;
  return {
    releasedAttempts: rows.length,
    histograms: {
      final: histogram(scores((r) => r.finalScore)),
      part1: histogram(scores((r) => r.part1Score)),
      part2: histogram(scores((r) => r.part2Score)),
      part3: histogram(scores((r) => r.part3Score)),
    },
    attempts,
    learners,
  };
}

export type Funnel = {
  learners: number;
  /** Learners who completed every lesson of the module (as the course stands now). */
  modules: { slug: string; order: number; title: string; completed: number }[];
  /** Learners with at least one submitted 结业考核 attempt. */
  submitted: number;
};

export async function getCompletionFunnel(course: Course): Promise<Funnel> {
  const withLessons = course.modules.filter((m) => m.lessons.length > 0);
  const keys = withLessons.flatMap((m) => m.lessons.map((l) => l.key));
  // Completed lessons per learner and module, then learners per module and count; a module is
  // complete when the count is its number of lessons (as the course stands now: removed lessons
  // are not counted, hence the lessonKey list).
  const rows = keys.length
    ? await db.$queryRaw<{ module: string; done: unknown; n: unknown }[]>`
        SELECT t.module AS module, t.done AS done, COUNT(*) AS n FROM (
          SELECT lp."userId" AS "userId", lp."moduleSlug" AS module, COUNT(*) AS done
          FROM "lesson_progress" lp WHERE lp."lessonKey" IN (${Prisma.join(keys)})
          GROUP BY lp."userId", lp."moduleSlug"
        ) t
        JOIN "user" u ON u."id" = t."userId"
        WHERE u."role" = 'learner'
        GROUP BY t.module, t.done`
    : [];
  const lessonCount = new Map(withLessons.map((m) => [m.slug, m.lessons.length]));
  const completed = new Map<string, number>();
  for (const row of rows) {
    if (Number(row.done) === lessonCount.get(row.module)) completed.set(row.module, Number(row.n));
  }
  const [learners, submitted] = await Promise.all([
    db.user.count({ where: { role: "learner" } }),
    db.user.count({ where: { role: "learner", assessments: { some: { status: { in: SUBMITTED } } } } }),
  ]);
  return {
    learners,
    modules: course.modules.map((mod) => ({ slug: mod.slug, order: mod.order, title: mod.title, completed: completed.get(mod.slug) ?? 0 })),
    submitted,
  };
}
