// The item analysis as it was computed before item_response existed (from every attempt's JSON
// review and paper, without the per-process cache), kept only as the reference the new
// aggregates are compared with. The JSON is parsed here rather than in SQL, so it runs on both
// databases.
import { ItemStatsAccumulator } from "@/lib/analytics/item-stats";
import type { ItemResponses } from "@/lib/analytics/queries";
import { part1ItemKey, quizItemKey } from "@/lib/item-responses/rows";
import type { AttemptScope } from "@/lib/analytics/schema";
import { db } from "@/lib/db";
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
    const rows = await db.quizAttempt.findMany({ where: { id: { in: ids } }, select: { moduleSlug: true, score: true, review: true } });
    for (const row of rows.map((r) => ({ ...r, total: r.score }))) {
      const items = JSON.parse(row.review) as { id: string; version?: string | null; correct?: unknown; chosen?: unknown }[];
      for (const { id, version, correct, chosen } of items) {
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
    const rows = await db.assessmentAttempt.findMany({
      where: { id: { in: ids } },
      select: { part1Score: true, paper: true, answers: { where: { itemKey: { startsWith: "p1:" } }, select: { itemKey: true, value: true } } },
    });
    for (const row of rows.map((r) => ({ ...r, total: r.part1Score }))) {
      if (row.total === null) continue;
      const answers = Object.fromEntries(row.answers.map((a) => [a.itemKey.slice(3), JSON.parse(a.value) as unknown]));
      const keys = (JSON.parse(row.paper) as { part1: { question: { id: string; version?: string | null; answer: string[] } }[] }).part1;
      for (const { id, version, answer } of keys.map((k) => k.question)) {
        const chosen = optionIds(answers[id]);
        result.items.add(Number(row.total), { itemId: part1ItemKey(id), correct: isCorrect(answer, chosen), chosen });
        note(part1ItemKey(id), version ?? null);
      }
      result.attempts.part1 += 1;
    }
  }
  return result;
}
