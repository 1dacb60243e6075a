"use client";

import { CONFIDENCE_LABELS, CONFIDENCE_LEVELS, type Confidence } from "@/lib/quiz/confidence";
import styles from "./confidence.module.css";

type Props = { questionId: string; number: number; value: Confidence | undefined; onChange: (value: Confidence) => void };

/** 我有多确定？ 低 / 中 / 高 under a question of a confidence-marked quiz (decision 039). */
export function ConfidencePicker({ questionId, number, value, onChange }: Props) {
  return (
    <fieldset className={styles.picker}>
      <legend className={styles.legend}>
        我有多确定？<span className="visually-hidden">（第 {number} 题）</span>
      </legend>
      <div className={styles.levels}>
        {CONFIDENCE_LEVELS.map((level) => {
          const id = `${questionId}-confidence-${level}`;
          return (
            <label key={level} htmlFor={id} className={styles.level}>
              <input id={id} type="radio" name={`${questionId}-confidence`} value={level} checked={value === level} onChange={() => onChange(level)} />
              <span>{CONFIDENCE_LABELS[level]}</span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
