type Question = {
  id: string;
  type: "single" | "multiple";
  prompt: string;
  options: { id: string; text: string }[];
  answer: string[];
  explanation: string;
};

/** A choice question as a learner sees it; with `showAnswers`, its key and explanation too. */
export function QuestionPreview({ question, number, showAnswers, meta }: { question: Question; number: number; showAnswers: boolean; meta?: string }) {
  return (
    <li className="card review">
      <p className="question__prompt">
        {number}. <span className="question__type">{question.type === "multiple" ? "【多选】" : "【单选】"}</span>
        {question.prompt}
      </p>
      <ul className="review__options">
        {question.options.map((o) => (
          <li key={o.id} className={showAnswers && question.answer.includes(o.id) ? "review__option--key" : undefined}>
            {o.text}
            {showAnswers && question.answer.includes(o.id) ? "（正确答案）" : ""}
          </li>
        ))}
      </ul>
      {showAnswers ? <p className="review__explanation">解析：{question.explanation}</p> : null}
      <p className="muted preview-meta">id：{question.id}{meta ? ` · ${meta}` : ""}</p>
    </li>
  );
}
