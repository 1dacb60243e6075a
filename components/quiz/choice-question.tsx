"use client";

import type { ReactNode } from "react";
import type { PublicQuestion } from "@/lib/quiz/public";

type Props = {
  question: PublicQuestion;
  number: number;
  chosen: string[];
  onChange: (chosen: string[]) => void;
  disabled?: boolean;
  /** The fieldset's id, for pages that link to a question (the quiz's 未作答 list). */
  anchorId?: string;
  /** Shown under the options, inside the question's fieldset (e.g. the confidence picker). */
  children?: ReactNode;
};

/** One choice question as a fieldset of radios (single) or checkboxes (multiple). */
export function ChoiceQuestion({ question, number, chosen, onChange, disabled, anchorId, children }: Props) {
  const multiple = question.type === "multiple";
  function toggle(optionId: string, checked: boolean) {
    if (!multiple) return onChange([optionId]);
    onChange(checked ? [...chosen, optionId] : chosen.filter((id) => id !== optionId));
  }
  return (
    <fieldset className="question card" disabled={disabled} id={anchorId}>
      <legend className="question__prompt">
        <span className="question__number">{number}.</span> <span className="question__type">{multiple ? "【多选】" : "【单选】"}</span>
        {question.prompt}
      </legend>
      <div className="question__options">
        {question.options.map((option) => {
          const inputId = `${question.id}-${option.id}`;
          return (
            <label key={option.id} htmlFor={inputId} className="question__option">
              <input
                id={inputId}
                type={multiple ? "checkbox" : "radio"}
                name={question.id}
                value={option.id}
                checked={chosen.includes(option.id)}
                onChange={(event) => toggle(option.id, event.target.checked)}
              />
              <span>{option.text}</span>
            </label>
          );
        })}
      </div>
      {children}
    </fieldset>
  );
}
