import type { Versioned } from "@/lib/content/banks";
import type { QuizQuestion } from "@/lib/content/question-schema";
import { gradeChoices } from "@/lib/quiz/grade";
import type { QuizReviewItem } from "@/lib/quiz/schema";

/** Grades a module quiz and builds the review stored with the attempt (what the result page shows). */
export function gradeQuiz(questions: readonly Versioned<QuizQuestion>[], answers: Readonly<Record<string, string[] | undefined>>) {
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
  }));
  return { correct, total, score, review };
}
