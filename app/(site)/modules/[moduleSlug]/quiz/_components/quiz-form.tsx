"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { ChoiceQuestion } from "@/components/quiz/choice-question";
import { UnansweredNotice } from "@/components/quiz/unanswered-notice";
import { submitQuiz } from "@/lib/quiz/actions";
import type { PublicQuestion } from "@/lib/quiz/public";

const anchorOf = (number: number) => `quiz-question-${number}`;

export function QuizForm({ moduleSlug, sittingId, questions }: { moduleSlug: string; sittingId: string; questions: PublicQuestion[] }) {
  const router = useRouter();
  const [answers, setAnswers] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState("");
  // How many times a submit was stopped for unanswered questions (0: the notice is not shown).
  const [refused, setRefused] = useState(0);
  const [pending, startTransition] = useTransition();
  const missing = questions.flatMap((q, i) => (answers[q.id]?.length ? [] : [{ number: i + 1, anchorId: anchorOf(i + 1) }]));

  function send() {
    setMessage("");
    startTransition(async () => {
      const chosen = Object.entries(answers).map(([questionId, choices]) => ({ questionId, choices }));
      const result = await submitQuiz({ moduleSlug, sittingId, answers: chosen });
      if (result.ok) router.push(`/modules/${moduleSlug}/quiz/${result.attemptId}`);
      else setMessage(result.message);
    });
  }

  function submit(event: React.FormEvent) {
    event.preventDefault();
    if (missing.length > 0) setRefused((n) => n + 1);
    else send();
  }

  return (
    <form className="stack" onSubmit={submit}>
      {questions.map((question, i) => (
        <ChoiceQuestion
          key={question.id}
          question={question}
          number={i + 1}
          anchorId={anchorOf(i + 1)}
          chosen={answers[question.id] ?? []}
          onChange={(chosen) => setAnswers((prev) => ({ ...prev, [question.id]: chosen }))}
          disabled={pending}
        />
      ))}
      {refused > 0 && missing.length > 0 ? (
        <UnansweredNotice missing={missing} attempt={refused} onSubmitAnyway={send} disabled={pending} />
      ) : null}
      {message ? (
        <p className="form__error" role="alert">
          {message}
        </p>
      ) : null}
      <div className="quiz-submit">
        <span className="muted" aria-live="polite">
          已答 {questions.length - missing.length}/{questions.length} 题
        </span>
        <button type="submit" className="button" disabled={pending}>
          {pending ? "正在提交…" : "提交测验"}
        </button>
      </div>
    </form>
  );
}
