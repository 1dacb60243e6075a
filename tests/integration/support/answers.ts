import { loadAttempt, saveAnswers, startAttempt, submitAttempt, type AttemptRecord } from "@/lib/assessment/attempts";
import type { AssessmentContent } from "@/lib/content/banks";
import { attemptTokens } from "@/lib/assessment/rules";
import type { AnswerValue } from "@/lib/assessment/schema";

/** Saves answers given as option ids the way the attempt page sends them: as the attempt's tokens. */
export function saveAsShown(userId: string, attempt: AttemptRecord, items: { itemKey: string; value: AnswerValue }[]) {
  const tokens = attemptTokens(attempt);
  return saveAnswers(userId, attempt.id, items.map(({ itemKey, value }) => ({ itemKey, value: Array.isArray(value) ? tokens.encode(itemKey, value) : value })));
}

/** Starts an attempt, answers every part-1 and part-2 choice right, submits: graders decide the rest. */
export async function submitWithChoicesRight(userId: string, content: AssessmentContent): Promise<AttemptRecord> {
  const started = await startAttempt(userId, content);
  if (!started.ok) throw new Error(started.reason);
  const attempt = (await loadAttempt(userId, started.attemptId))!;
  await saveAsShown(userId, attempt, attempt.paper.part1.map(({ question }) => ({ itemKey: `p1:${question.id}`, value: question.answer })));
  const choices = attempt.paper.case.study.questions.flatMap((q) => (q.kind === "choice" ? [{ itemKey: `p2:${q.id}`, value: q.answer }] : []));
  await saveAsShown(userId, attempt, choices);
  await submitAttempt(userId, attempt.id);
  return attempt;
}
