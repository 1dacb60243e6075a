/** The options of a reviewed question, each marked as the key and/or the learner's choice. */
export function ReviewOptions({ options, answer, chosen }: { options: { id: string; text: string }[]; answer: string[]; chosen: string[] }) {
  return (
    <ul className="review__options">
      {options.map((option) => {
        const isKey = answer.includes(option.id);
        const picked = chosen.includes(option.id);
        return (
          <li key={option.id} className={isKey ? "review__option--key" : picked ? "review__option--picked" : undefined}>
            {option.text}
            {isKey ? "（正确答案）" : ""}
            {picked ? "（你的选择）" : ""}
          </li>
        );
      })}
    </ul>
  );
}
