import "server-only";
import { db } from "@/lib/db";
import { csvText, type CsvCell } from "@/lib/csv";
import type { Course } from "@/lib/content/schema";
import { reviewQuestion, WRAP_UP } from "@/lib/review/questions";
import { RETENTION_BUCKETS, reviewStats, statsBy, type ReviewFact, type ReviewStats } from "@/lib/review/retention";

// Spaced-review activity for trainers and admins (decision 038): reviews done and retention at
// 1, 7 and 30 days, per module and per question. Learners only, as the other analytics.

export type ReviewQuestionRow = { key: string; prompt: string | null; source: string; stats: ReviewStats };
export type ReviewModuleRow = { slug: string; title: string; stats: ReviewStats; questions: ReviewQuestionRow[] };
export type ReviewAnalytics = { total: ReviewStats; inBook: number; retained: number; modules: ReviewModuleRow[] };

export async function reviewAnalytics(course: Course): Promise<ReviewAnalytics> {
  const learner = { user: { role: "learner" } };
  const [logs, inBook, retained] = await Promise.all([
    db.reviewLog.findMany({
      where: { card: learner },
      select: { questionKey: true, moduleSlug: true, userId: true, correct: true, elapsedDays: true },
    }),
    db.reviewCard.count({ where: { ...learner, retiredAt: null } }),
    db.reviewCard.count({ where: { ...learner, retiredAt: { not: null } } }),
  ]);
  const facts: ReviewFact[] = logs;
  const byModule = statsBy(facts, (f) => f.moduleSlug);
  const modules = [...course.modules.map((m) => ({ slug: m.slug, title: m.title })), { slug: WRAP_UP, title: "课程结业" }]
    .filter((m) => byModule.has(m.slug))
    .map((m) => {
      const byQuestion = statsBy(facts.filter((f) => f.moduleSlug === m.slug), (f) => f.questionKey);
      const questions = [...byQuestion].map(([key, stats]) => {
        const question = reviewQuestion(key, course);
        return { key, prompt: question?.prompt ?? null, source: key.startsWith("part1:") ? "结业考核" : "模块测验", stats };
      });
      return { ...m, stats: byModule.get(m.slug)!, questions };
    });
  return { total: reviewStats(facts), inBook, retained, modules };
}

const rate = (x: number | null) => (x === null ? null : Number(x.toFixed(4)));

/** One row per module, then its questions; retention as a share (0–1) with its number of reviews. */
export function reviewCsv(analytics: ReviewAnalytics): string {
  const header = ["层级", "模块", "题目", "来源", "题干", "复习次数", "复习学员数", "答对次数", ...RETENTION_BUCKETS.flatMap((b) => [`${b.label}保持率`, `${b.label}复习次数`])];
  const cells = (stats: ReviewStats): CsvCell[] => [stats.reviews, stats.learners, stats.correct, ...RETENTION_BUCKETS.flatMap((b) => [rate(stats.retention[b.key].rate), stats.retention[b.key].reviews])];
  const records: CsvCell[][] = [header];
  for (const mod of analytics.modules) {
    records.push(["模块", mod.title, "", "", "", ...cells(mod.stats)]);
    for (const q of mod.questions) records.push(["题目", mod.title, q.key, q.source, q.prompt ?? "（题库中已无此题）", ...cells(q.stats)]);
  }
  return csvText(records, { bom: true });
}
