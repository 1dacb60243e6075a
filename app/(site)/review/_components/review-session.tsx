"use client";

import Link from "next/link";
import { useState, useTransition } from "react";
import { ChoiceQuestion } from "@/components/quiz/choice-question";
import { ReviewOptions } from "@/components/quiz/review-options";
import type { PublicQuestion } from "@/lib/quiz/public";
import { answerReview, rateReview } from "@/lib/review/actions";
import type { RevealedAnswer } from "@/lib/review/schema";
import styles from "../review.module.css";

const RATINGS = [
  { value: 1, label: "重来", hint: "没想起来" },
  { value: 2, label: "困难", hint: "想了很久" },
  { value: 3, label: "良好", hint: "想起来了" },
  { value: 4, label: "简单", hint: "毫不费力" },
] as const;

type Props = { cardId: string; showingId: string; question: PublicQuestion; number: number; revealed: RevealedAnswer | null };

/** One review question: answer (graded on the server), then the key and explanation, then the learner's rating. */
export function ReviewSession({ cardId, showingId, question, number, revealed: stored }: Props) {
  const [chosen, setChosen] = useState<string[]>([]);
  const [revealed, setRevealed] = useState<RevealedAnswer | null>(stored);
  const [message, setMessage] = useState("");
  const [pending, startTransition] = useTransition();

  function answer(event: React.FormEvent) {
    event.preventDefault();
    if (!chosen.length) return setMessage("请先选择答案。");
    setMessage("");
    startTransition(async () => {
      const result = await answerReview({ cardId, showingId, choices: chosen });
      if (result.ok) setRevealed(result);
      else setMessage(result.message);
    });
  }

  function rate(rating: 1 | 2 | 3 | 4) {
    setMessage("");
    startTransition(async () => {
      // A stored rating revalidates /review in the action, which brings the next card in the
      // same round trip (no router.refresh(): a second render would show the card twice).
      const result = await rateReview({ cardId, showingId, rating });
      setMessage(result.message);
    });
  }

  if (!revealed) {
    return (
      <form className="stack" onSubmit={answer}>
        <ChoiceQuestion question={question} number={number} chosen={chosen} onChange={setChosen} disabled={pending} />
        {message ? <p className="form__error" role="alert">{message}</p> : null}
        <button type="submit" className="button" disabled={pending}>{pending ? "正在提交…" : "提交答案"}</button>
      </form>
    );
  }

  return (
    <div className="stack">
      <section className={`card review review--${revealed.correct ? "right" : "wrong"}`} aria-labelledby="review-verdict">
        <p id="review-verdict" className="review__verdict">{revealed.correct ? "✓ 回答正确" : "✗ 回答错误"}</p>
        <p className="question__prompt">{number}. {question.type === "multiple" ? "【多选】" : "【单选】"}{question.prompt}</p>
        <ReviewOptions options={question.options} answer={revealed.key} chosen={chosen} />
        <p className="review__explanation">解析：{revealed.explanation}</p>
        <p><Link href={revealed.lessonHref}>回到课程：{revealed.lessonTitle} →</Link></p>
      </section>
      <section className="card stack" aria-labelledby="rate-heading">
        <h2 id="rate-heading" className={styles.tight}>这道题你记得怎么样？</h2>
        <p className="muted">按你的作答，建议选「{RATINGS[revealed.suggested - 1].label}」；也可以按自己的感觉选。评分决定下次复习的日子。</p>
        <div className={styles.ratings}>
          {RATINGS.map((r) => (
            <button
              key={r.value}
              type="button"
              className={`button ${r.value === revealed.suggested ? "" : "button--ghost"}`}
              onClick={() => rate(r.value)}
              disabled={pending}
              aria-describedby={r.value === revealed.suggested ? "suggested-rating" : undefined}
            >
              {r.label}
              <small className={styles.hint}>{r.hint}</small>
            </button>
          ))}
        </div>
        <p id="suggested-rating" className="visually-hidden">建议的评分</p>
        {message ? <p role="status">{message}</p> : null}
      </section>
    </div>
  );
}
