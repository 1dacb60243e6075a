// Pure grading of choice questions. Multiple choice is all-or-nothing: every correct option
// and no wrong one (stated on the quiz and assessment pages).

export function isCorrect(key: readonly string[], chosen: readonly string[] | undefined): boolean {
  if (!chosen || chosen.length !== key.length) return false;
  const set = new Set(chosen);
  return set.size === key.length && key.every((id) => set.has(id));
}

export type ChoiceResult = { id: string; correct: boolean; chosen: string[] };

export function gradeChoices(
  questions: readonly { id: string; answer: string[] }[],
  answers: Readonly<Record<string, string[] | undefined>>,
): { results: ChoiceResult[]; correct: number; total: number; score: number } {
  const results = questions.map((q) => ({ id: q.id, chosen: answers[q.id] ?? [], correct: isCorrect(q.answer, answers[q.id]) }));
  const correct = results.filter((r) => r.correct).length;
  const total = questions.length;
  return { results, correct, total, score: total === 0 ? 0 : (correct / total) * 100 };
}
