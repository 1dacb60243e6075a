"use client";

import { useId, useState, useSyncExternalStore } from "react";
import { hintFor, judge, ruleText, type AnswerRule, type Verdict } from "@/lib/worked/answer";
import styles from "./worked-example.module.css";

type AnswerFieldProps = {
  label: string; // the step's name with its unit: 点击率（%）
  name: string;
  shown: string; // the author's answer as displayed once right: 6%
  rule: AnswerRule;
  hint?: string; // the author's hint for this step
  fallbackHint: string;
};

const subscribeNothing = () => () => {};

/** One number the learner works out, checked here in the browser against the author's answer. */
export function AnswerField({ label, name, shown, rule, hint, fallbackHint }: AnswerFieldProps) {
  const id = useId();
  const [value, setValue] = useState("");
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  // False in the prerendered HTML, true once hydrated: until then 核对 is disabled, so pressing
  // it (or Enter) cannot submit the form as a page reload.
  const hydrated = useSyncExternalStore(subscribeNothing, () => true, () => false);

  const feedback =
    verdict?.kind === "right"
      ? `✓ 正确：${name} = ${shown}`
      : verdict?.kind === "wrong"
        ? `✗ 不对。${hintFor(verdict, rule, hint, fallbackHint)}`
        : verdict?.kind === "invalid"
          ? verdict.message
          : "";
  const tone = verdict?.kind === "right" ? styles.right : verdict ? styles.wrong : "";

  return (
    <form
      className={styles.answer}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setVerdict(judge(value, rule));
      }}
    >
      <label htmlFor={id} className={styles.answerLabel}>
        {label}
      </label>
      <div className={styles.answerRow}>
        <input
          id={id}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          value={value}
          onChange={(event) => {
            setValue(event.target.value);
            setVerdict(null);
          }}
          aria-invalid={verdict && verdict.kind !== "right" ? true : undefined}
          aria-describedby={`${id}-rule ${id}-feedback`}
        />
        <button type="submit" className="button button--small" disabled={!hydrated}>
          核对
        </button>
      </div>
      <p id={`${id}-rule`} className={styles.rule}>
        {ruleText(rule)}
      </p>
      <p id={`${id}-feedback`} className={`${styles.feedback} ${tone}`} aria-live="polite">
        {feedback}
      </p>
    </form>
  );
}
