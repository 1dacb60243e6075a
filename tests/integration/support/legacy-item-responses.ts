// The item analysis as it was computed before item_response existed (SQLite JSON functions over
// every attempt's review and paper, without the per-process cache), kept only as the reference
// the new aggregates are compared with. SQLite only, like it always was.
import { ItemStatsAccumulator } from "@/lib/analytics/item-stats";
import type { ItemResponses } from "@/lib/analytics/queries";
import { part1ItemKey, quizItemKey } from "@/lib/analytics/responses";
import type { AttemptScope } from "@/lib/analytics/schema";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { isCorrect } from "@/lib/quiz/grade";

const optionIds = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : []);

function chunks<T>(rows: readonly T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

function firstAttempts<T extends { group: string; order: number }>(rows: readonly T[]): T[] {
  const first = new Map<string, T>();
  for (const row of rows) {
    const prev = first.get(row.group);
    if (!prev || row.order < prev.order) first.set(row.group, row);
  }
  return [...first.values()];
}

export async function legacyItemResponses(scope: AttemptScope): Promise<ItemResponses> {
  const result: ItemResponses = { items: new ItemStatsAccumulator(), versions: new Map(), attempts: { quiz: {}, part1: 0 } };
  const note = (itemId: string, version: string | null) => {
    if (version === null) return;
    result.versions.set(itemId, (result.versions.get(itemId) ?? new Set<string>()).add(version));
  };

  const quizHeads = await db.quizAttempt.findMany({ where: { user: { role: "learner" } }, select: { id: true, userId: true, moduleSlug: true, submittedAt: true } });
  const quiz = scope === "all" ? quizHeads : firstAttempts(quizHeads.map((h) => ({ ...h, group: `${h.userId}/${h.moduleSlug}`, order: h.submittedAt.getTime() })));
  for (const ids of chunks(quiz.map((h) => h.id))) {
    const rows = await db.$queryRaw<{ id: string; moduleSlug: string; total: number; items: string }[]>`
      SELECT q.id AS id, q."moduleSlug" AS "moduleSlug", q.score AS total,
        (SELECT json_group_array(json_extract(r.value, '$.id', '$.version', '$.correct', '$.chosen')) FROM json_each(q.review) r) AS items
      FROM quiz_attempt q WHERE q.id IN (${Prisma.join(ids)})`;
    for (const row of rows) {
      const items = JSON.parse(row.items) as [string, string | null, boolean, unknown][];
      for (const [id, version, correct, chosen] of items) {
        result.items.add(Number(row.total), { itemId: quizItemKey(row.moduleSlug, id), correct: correct === true, chosen: optionIds(chosen) });
        note(quizItemKey(row.moduleSlug, id), version ?? null);
      }
      result.attempts.quiz[row.moduleSlug] = (result.attempts.quiz[row.moduleSlug] ?? 0) + 1;
    }
  }

  const part1Heads = await db.assessmentAttempt.findMany({
    where: { user: { role: "learner" }, status: { in: ["submitted", "graded", "released"] } },
    select: { id: true, userId: true, number: true },
  });
  const part1 = scope === "all" ? part1Heads : firstAttempts(part1Heads.map((h) => ({ ...h, group: h.userId, order: h.number })));
  for (const ids of chunks(part1.map((h) => h.id))) {
    const rows = await db.$queryRaw<{ id: string; total: number | null; keys: string; answers: string }[]>`
      SELECT a.id AS id, a."part1Score" AS total,
        (SELECT json_group_array(json_extract(p.value, '$.question.id', '$.question.version', '$.question.answer'))
           FROM json_each(a.paper, '$.part1') p) AS keys,
        (SELECT json_group_object(substr(s."itemKey", 4), json(s.value))
           FROM assessment_answer s WHERE s."attemptId" = a.id AND s."itemKey" >= 'p1:' AND s."itemKey" < 'p1;') AS answers
      FROM assessment_attempt a WHERE a.id IN (${Prisma.join(ids)})`;
    for (const row of rows) {
      if (row.total === null) continue;
      const answers = JSON.parse(row.answers) as Record<string, unknown>;
      for (const [id, version, answer] of JSON.parse(row.keys) as [string, string | null, string[]][]) {
        const chosen = optionIds(answers[id]);
        result.items.add(Number(row.total), { itemId: part1ItemKey(id), correct: isCorrect(answer, chosen), chosen });
        note(part1ItemKey(id), version ?? null);
      }
      result.attempts.part1 += 1;
    }
  }
  return result;
}
