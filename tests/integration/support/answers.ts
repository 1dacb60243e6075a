import { saveAnswers, type AttemptRecord } from "@/lib/assessment/attempts";
import { attemptTokens } from "@/lib/assessment/rules";
import type { AnswerValue } from "@/lib/assessment/schema";

/** Saves answers given as option ids the way the attempt page sends them: as the attempt's tokens. */
export function saveAsShown(userId: string, attempt: AttemptRecord, items: { itemKey: string; value: AnswerValue }[]) {
  const tokens = attemptTokens(attempt);
  return saveAnswers(userId, attempt.id, items.map(({ itemKey, value }) => ({ itemKey, value: Array.isArray(value) ? tokens.encode(itemKey, value) : value })));
}
