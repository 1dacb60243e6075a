import type { ContentProblem } from "@/lib/content/schema";

// Two questions are duplicates when they ask nearly the same thing AND accept nearly the same
// answer: a learner who has seen one can answer the other from memory. Text is compared as
// overlapping pairs of units (a number or a Latin word is one unit, a Chinese character is one),
// so "600 元" and "2100–2500 元" share nothing, while 4.7 and 150 in a stem are real shared data.
// Overlap is measured against the shorter text (overlap coefficient), because a part-1 item often
// dresses the same question in a longer story than the quiz did. Thresholds were set on the
// banks of issue 14: the pairs a reader called duplicates (same data and key, or the same question
// with a reworded stem) scored at least 0.43 on the stem and 0.61 on the key; the closest pairs of
// different questions missed one of the two (a KPI recall item and a KPI diagnosis item: stem 0.47,
// key 0.44; two budget questions on other figures: stem 0.58, key 0).

export const STEM_OVERLAP = 0.4;
export const KEY_OVERLAP = 0.6;

export type ComparableQuestion = { id: string; prompt: string; options: { id: string; text: string }[]; answer: string[] };
export type LocatedQuestion = ComparableQuestion & { file: string; line: number };

const units = (text: string) => text.toLowerCase().match(/\d+(?:\.\d+)?|[a-z]+|\p{Script=Han}/gu) ?? [];

/** Adjacent unit pairs of a text (a one-unit text is its own pair). */
export function unitPairs(text: string): Set<string> {
  const u = units(text);
  if (u.length === 1) return new Set(u);
  const pairs = new Set<string>();
  for (let i = 0; i + 1 < u.length; i++) pairs.add(`${u[i]} ${u[i + 1]}`);
  return pairs;
}

/** |A ∩ B| / min(|A|, |B|): 1 when the shorter is contained in the longer; 0 if either is empty. */
export function overlap(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / Math.min(a.size, b.size);
}

const keyText = (q: ComparableQuestion) =>
  q.options.filter((o) => q.answer.includes(o.id)).map((o) => o.text).sort().join("\n");

export function similarity(a: ComparableQuestion, b: ComparableQuestion): { stem: number; key: number } {
  return { stem: overlap(unitPairs(a.prompt), unitPairs(b.prompt)), key: overlap(unitPairs(keyText(a)), unitPairs(keyText(b))) };
}

export function isDuplicate(a: ComparableQuestion, b: ComparableQuestion): boolean {
  const { stem, key } = similarity(a, b);
  return stem >= STEM_OVERLAP && key >= KEY_OVERLAP;
}

const percent = (x: number) => `${Math.round(x * 100)}%`;

/**
 * Part-1 questions that duplicate another part-1 question (one paper may draw both) or a
 * module-quiz question (the learner has seen its key), each reported at the part-1 question.
 */
export function duplicateQuestionProblems(part1: LocatedQuestion[], quizzes: LocatedQuestion[]): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const report = (q: LocatedQuestion, other: LocatedQuestion, why: string) => {
    const { stem, key } = similarity(q, other);
    problems.push({
      file: q.file,
      line: q.line,
      message: `题目「${q.id}」与${why}「${other.id}」（${other.file}:${other.line}）重复：题干重合 ${percent(stem)}、正确答案重合 ${percent(key)}。请换一组数据或换一个考法重写其中一道`,
    });
  };
  part1.forEach((q, i) => {
    for (const other of part1.slice(0, i)) if (isDuplicate(q, other)) report(q, other, "同一题库的");
    for (const other of quizzes) if (isDuplicate(q, other)) report(q, other, "模块测验题");
  });
  return problems;
}
