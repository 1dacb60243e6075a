import type { Versioned } from "@/lib/content/banks";
import type { QuizQuestion } from "@/lib/content/question-schema";
import { cbmScoreOf, type Confidence } from "@/lib/quiz/confidence";
import { gradeChoices } from "@/lib/quiz/grade";
import type { QuizReviewItem } from "@/lib/quiz/schema";

/**
 * Grades a module quiz and builds the review stored with the attempt (what the result page shows).
 * With `confidences` (a confidence-marked quiz) each answered question keeps its confidence and
 * the attempt gets its 信心得分 points; without, `confidencePoints` is null.
 */
export function gradeQuiz(
  questions: readonly Versioned<QuizQuestion>[],
  answers: Readonly<Record<string, string[] | undefined>>,
  confidences?: Readonly<Record<string, Confidence | undefined>>,
) {
  const { results, correct, total, score } = gradeChoices(questions, answers);
  const review: QuizReviewItem[] = questions.map((q, i) => ({
    id: q.id,
    version: q.version,
    prompt: q.prompt,
    type: q.type,
    options: q.options,
    answer: q.answer,
    chosen: results[i].chosen,
    correct: results[i].correct,
    explanation: q.explanation,
    lesson: q.lesson,
    ...(confidences?.[q.id] && results[i].chosen.length ? { confidence: confidences[q.id] } : {}),
  }));
  const confidencePoints = confidences ? cbmScoreOf(review).points : null;
  return { correct, total, score, review, confidencePoints };
}
