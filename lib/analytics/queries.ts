import "server-only";
import { histogram, type Bin } from "@/lib/analytics/cohort";
import { ItemStatsAccumulator } from "@/lib/analytics/item-stats";
import { ResponseCache } from "@/lib/analytics/response-cache";
import { firstAttempts, part1Respondent, quizRespondent, type Part1Key } from "@/lib/analytics/responses";
import type { AttemptScope } from "@/lib/analytics/schema";
import type { Outcome } from "@/lib/assessment/schema";
import type { Course } from "@/lib/content/schema";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

// Cohort reads for trainers and admins. Only learners count: trainers trying a quiz would skew
// the numbers. Built for ~50,000 attempts: only the needed columns are read, the JSON snapshots
// (a paper is ~40 KB) are cut down inside SQLite a batch of attempts at a time, and each
// attempt's responses are kept in memory once read (response-cache.ts).
// Cost to know: in assessment_attempt and quiz_attempt the scores and submittedAt are stored
// after the big JSON column, so SQLite walks its overflow pages to reach them even when the JSON
// itself is not selected.

const BATCH = 500;
const LEARNER = { user: { role: "learner" } };
const SUBMITTED = ["submitted", "graded", "released"];

export type ItemResponses = {
  items: ItemStatsAccumulator;
  /** Content versions each item was answered in (a bank edit changes the version). */
  versions: Map<string, Set<string>>;
  /** Attempts analysed: per module slug, and of the 结业考核. */
  attempts: { quiz: Record<string, number>; part1: number };
};

function chunks<T>(rows: readonly T[], size = BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

// One cache per server process (kept across dev reloads like the Prisma client).
const globalForCache = globalThis as unknown as { analyticsResponses?: { quiz: ResponseCache; part1: ResponseCache } };
const caches = (globalForCache.analyticsResponses ??= { quiz: new ResponseCache(), part1: new ResponseCache() });

/**
 * Item responses of module quizzes and of part 1 of submitted 结业考核 attempts. With scope
 * "first" only each learner's first attempt counts (per module for quizzes): retakes come after
 * the learner has seen the keys, which would make every item look easier.
 */
export async function loadItemResponses(scope: AttemptScope): Promise<ItemResponses> {
  const result: ItemResponses = { items: new ItemStatsAccumulator(), versions: new Map(), attempts: { quiz: {}, part1: 0 } };
  const noteVersion = (itemId: string, version: string | null) => {
    if (version === null) return;
    const set = result.versions.get(itemId) ?? new Set<string>();
    set.add(version);
    result.versions.set(itemId, set);
  };

  const quizHeads = await db.quizAttempt.findMany({ where: LEARNER, select: { id: true, userId: true, moduleSlug: true, submittedAt: true } });
  caches.quiz.retain(new Set(quizHeads.map((h) => h.id)));
  const quiz = scope === "all" ? quizHeads : firstAttempts(quizHeads.map((h) => ({ ...h, group: `${h.userId}/${h.moduleSlug}`, order: h.submittedAt.getTime() })));
  await readQuizAttempts(quiz.filter((h) => !caches.quiz.has(h.id)).map((h) => h.id));
  for (const h of quiz) {
    if (caches.quiz.replay(h.id, result.items, noteVersion)) result.attempts.quiz[h.moduleSlug] = (result.attempts.quiz[h.moduleSlug] ?? 0) + 1;
  }

  const part1Heads = await db.assessmentAttempt.findMany({
    where: { ...LEARNER, status: { in: SUBMITTED } },
    select: { id: true, userId: true, number: true },
  });
  caches.part1.retain(new Set(part1Heads.map((h) => h.id)));
  const part1 = scope === "all" ? part1Heads : firstAttempts(part1Heads.map((h) => ({ ...h, group: h.userId, order: h.number })));
  await readPart1Attempts(part1.filter((h) => !caches.part1.has(h.id)).map((h) => h.id));
  for (const h of part1) if (caches.part1.replay(h.id, result.items, noteVersion)) result.attempts.part1 += 1;
  return result;
}

async function readQuizAttempts(attemptIds: string[]) {
  for (const ids of chunks(attemptIds)) {
    // SQLite JSON (json_each, json_extract with several paths = one parse per question): the
    // review snapshot shrinks to [id, version, correct, chosen] per question inside the database.
    // PostgreSQL would use jsonb_array_elements + json_agg.
    const rows = await db.$queryRaw<{ id: string; moduleSlug: string; total: number; items: string }[]>`
      SELECT q.id AS id, q."moduleSlug" AS "moduleSlug", q.score AS total,
        (SELECT json_group_array(json_extract(r.value, '$.id', '$.version', '$.correct', '$.chosen')) FROM json_each(q.review) r) AS items
      FROM quiz_attempt q WHERE q.id IN (${Prisma.join(ids)})`;
    for (const row of rows) {
      const items = JSON.parse(row.items) as [string, string | null, boolean, unknown][];
      const respondent = quizRespondent(row.moduleSlug, Number(row.total), items.map(([id, , correct, chosen]) => ({ id, correct, chosen })));
      caches.quiz.put(row.id, respondent.total, respondent.responses.map((r, i) => ({ ...r, version: items[i][1] ?? null })));
    }
  }
}

async function readPart1Attempts(attemptIds: string[]) {
  for (const ids of chunks(attemptIds)) {
    // Per attempt: the paper's part-1 keys as [id, version, answer] and the chosen options of its
    // p1:<id> answers as { id: [...] }. The itemKey range keeps to the (attemptId, itemKey) index.
    const rows = await db.$queryRaw<{ id: string; total: number | null; keys: string; answers: string }[]>`
      SELECT a.id AS id, a."part1Score" AS total,
        (SELECT json_group_array(json_extract(p.value, '$.question.id', '$.question.version', '$.question.answer'))
           FROM json_each(a.paper, '$.part1') p) AS keys,
        (SELECT json_group_object(substr(s."itemKey", 4), json(s.value))
           FROM assessment_answer s WHERE s."attemptId" = a.id AND s."itemKey" >= 'p1:' AND s."itemKey" < 'p1;') AS answers
      FROM assessment_attempt a WHERE a.id IN (${Prisma.join(ids)})`;
    for (const row of rows) {
      if (row.total === null) continue;
      const keys = JSON.parse(row.keys) as [string, string | null, string[]][];
      const part1: Part1Key[] = keys.map(([id, , answer]) => ({ id, answer }));
      const respondent = part1Respondent(Number(row.total), part1, JSON.parse(row.answers) as Record<string, unknown>);
      caches.part1.put(row.id, respondent.total, respondent.responses.map((r, i) => ({ ...r, version: keys[i][1] ?? null })));
    }
  }
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
  // One pass over lesson_progress's (userId, lessonKey) index, grouped per learner and module
  // (the module is the lessonKey's prefix); the user table is joined per group, not per row.
  const rows = keys.length
    ? await db.$queryRaw<{ module: string; n: number | bigint }[]>`
        WITH m(slug, total) AS (VALUES ${Prisma.join(withLessons.map((mod) => Prisma.sql`(${mod.slug}, ${mod.lessons.length})`))})
        SELECT t.module AS module, COUNT(*) AS n FROM (
          SELECT lp."userId" AS "userId", substr(lp."lessonKey", 1, instr(lp."lessonKey", '/') - 1) AS module, COUNT(*) AS c
          FROM lesson_progress lp WHERE lp."lessonKey" IN (${Prisma.join(keys)})
          GROUP BY lp."userId", module
        ) t
        JOIN m ON m.slug = t.module AND m.total = t.c
        JOIN "user" u ON u.id = t."userId"
        WHERE u.role = 'learner'
        GROUP BY t.module`
    : [];
  const completed = new Map(rows.map((r) => [r.module, Number(r.n)]));
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
