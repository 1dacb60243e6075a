import type { ReactNode } from "react";
import { isCorrect } from "@/lib/quiz/grade";
import { ReviewOptions } from "./review-options";

type Props = {
  number: number;
  question: { type: "single" | "multiple"; prompt: string; options: { id: string; text: string }[]; answer: string[]; explanation: string };
  chosen: string[];
  children?: ReactNode; // e.g. a link back to the lesson
};

/** One graded choice question after submission: verdict, options with key and choice, explanation. */
export function ReviewItem({ number, question, chosen, children }: Props) {
  const right = isCorrect(question.answer, chosen);
  return (
    <li className={`card review review--${right ? "right" : "wrong"}`}>
      <p className="review__verdict">{right ? "✓ 回答正确" : chosen.length ? "✗ 回答错误" : "✗ 未作答"}</p>
      <p className="question__prompt">
        {number}. {question.type === "multiple" ? "【多选】" : "【单选】"}
        {question.prompt}
      </p>
      <ReviewOptions options={question.options} answer={question.answer} chosen={chosen} />
      <p className="review__explanation">解析：{question.explanation}</p>
      {children}
    </li>
  );
}
