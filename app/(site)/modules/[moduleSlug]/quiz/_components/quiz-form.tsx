"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { ChoiceQuestion } from "@/components/quiz/choice-question";
import { ConfidencePicker } from "@/components/quiz/confidence-picker";
import { UnansweredNotice } from "@/components/quiz/unanswered-notice";
import { submitQuiz } from "@/lib/quiz/actions";
import type { Confidence } from "@/lib/quiz/confidence";
import type { PublicQuestion } from "@/lib/quiz/public";

const anchorOf = (number: number) => `quiz-question-${number}`;

type Props = { moduleSlug: string; sittingId: string; questions: PublicQuestion[]; confidenceMarking?: boolean };

export function QuizForm({ moduleSlug, sittingId, questions, confidenceMarking = false }: Props) {
  const router = useRouter();
  const [answers, setAnswers] = useState<Record<string, string[]>>({});
  const [confidences, setConfidences] = useState<Record<string, Confidence>>({});
  const [message, setMessage] = useState("");
  // How many times a submit was stopped for unanswered questions (0: the notice is not shown).
  const [refused, setRefused] = useState(0);
  const [pending, startTransition] = useTransition();
  const missing = questions.flatMap((q, i) => (answers[q.id]?.length ? [] : [{ number: i + 1, anchorId: anchorOf(i + 1) }]));

  function send() {
    setMessage("");
    startTransition(async () => {
      const chosen = Object.entries(answers).map(([questionId, choices]) => {
        const confidence = confidenceMarking ? confidences[questionId] : undefined;
        return confidence ? { questionId, choices, confidence } : { questionId, choices };
      });
      const result = await submitQuiz({ moduleSlug, sittingId, answers: chosen });
      if (result.ok) router.push(`/modules/${moduleSlug}/quiz/${result.attemptId}`);
      else setMessage(result.message);
    });
  }

  function submit(event: React.FormEvent) {
    event.preventDefault();
    // A confidence is required for every answered question: no 仍然提交 past this one.
    const unsure = confidenceMarking ? questions.flatMap((q, i) => (answers[q.id]?.length && !confidences[q.id] ? [i + 1] : [])) : [];
    if (unsure.length > 0) setMessage(`第 ${unsure.join("、")} 题还没有选择「我有多确定？」，请选择低、中或高后再提交。`);
    else if (missing.length > 0) setRefused((n) => n + 1);
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
        >
          {confidenceMarking ? (
            <ConfidencePicker
              questionId={question.id}
              number={i + 1}
              value={confidences[question.id]}
              onChange={(value) => setConfidences((prev) => ({ ...prev, [question.id]: value }))}
            />
          ) : null}
        </ChoiceQuestion>
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
