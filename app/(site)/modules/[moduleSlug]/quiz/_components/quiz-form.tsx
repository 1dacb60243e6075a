"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { ChoiceQuestion } from "@/components/quiz/choice-question";
import { submitQuiz } from "@/lib/quiz/actions";
import type { PublicQuestion } from "@/lib/quiz/public";

export function QuizForm({ moduleSlug, sittingId, questions }: { moduleSlug: string; sittingId: string; questions: PublicQuestion[] }) {
  const router = useRouter();
  const [answers, setAnswers] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState("");
  const [pending, startTransition] = useTransition();
  const unanswered = questions.filter((q) => !answers[q.id]?.length).length;

  function submit(event: React.FormEvent) {
    event.preventDefault();
    if (unanswered > 0 && !window.confirm(`还有 ${unanswered} 题未作答，未作答的题按错误计。确定提交吗？`)) return;
    setMessage("");
    startTransition(async () => {
      const chosen = Object.entries(answers).map(([questionId, choices]) => ({ questionId, choices }));
      const result = await submitQuiz({ moduleSlug, sittingId, answers: chosen });
      if (result.ok) router.push(`/modules/${moduleSlug}/quiz/${result.attemptId}`);
      else setMessage(result.message);
    });
  }

  return (
    <form className="stack" onSubmit={submit}>
      {questions.map((question, i) => (
        <ChoiceQuestion
          key={question.id}
          question={question}
          number={i + 1}
          chosen={answers[question.id] ?? []}
          onChange={(chosen) => setAnswers((prev) => ({ ...prev, [question.id]: chosen }))}
          disabled={pending}
        />
      ))}
      {message ? (
        <p className="form__error" role="alert">
          {message}
        </p>
      ) : null}
      <div className="quiz-submit">
        <span className="muted" aria-live="polite">
          已答 {questions.length - unanswered}/{questions.length} 题
        </span>
        <button type="submit" className="button" disabled={pending}>
          {pending ? "正在提交…" : "提交测验"}
        </button>
      </div>
    </form>
  );
}
