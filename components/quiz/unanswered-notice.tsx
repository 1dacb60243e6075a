"use client";

import { useEffect, useRef } from "react";
import styles from "./quiz.module.css";

type Props = {
  /** 1-based numbers of the questions still unanswered, with the id of each one's fieldset. */
  missing: { number: number; anchorId: string }[];
  /** Bumped on every refused submit: the notice takes the focus again. */
  attempt: number;
  onSubmitAnyway: () => void;
  disabled?: boolean;
};

/**
 * Says which questions are still unanswered when the learner submits, instead of submitting or
 * scrolling without a word. Focus moves here, and the live region reads the list as it shrinks.
 */
export function UnansweredNotice({ missing, attempt, onSubmitAnyway, disabled }: Props) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    box.current?.focus();
  }, [attempt]);

  return (
    <div ref={box} className={styles.unanswered} tabIndex={-1} role="region" aria-labelledby="unanswered-title">
      <p id="unanswered-title" className={styles.title} aria-live="polite">
        还有 {missing.length} 题未作答：
        {missing.map((q, i) => (
          <span key={q.anchorId}>
            {i > 0 ? "、" : ""}
            <a href={`#${q.anchorId}`}>第 {q.number} 题</a>
          </span>
        ))}
      </p>
      <p>请作答后再提交。也可以仍然提交，未作答的题按答错计分。</p>
      <p>
        <button type="button" className="button button--ghost button--small" onClick={onSubmitAnyway} disabled={disabled}>
          仍然提交
        </button>
      </p>
    </div>
  );
}
