import { useId, type ReactNode } from "react";

type CalculatorProps = {
  title: string;
  intro?: ReactNode;
  /** The input fields. */
  children: ReactNode;
  /** What goes into the live region: results, or the Pending hint. */
  result: ReactNode;
};

/** The frame of every calculator: title, fields, and results announced politely as they change. */
export function Calculator({ title, intro, children, result }: CalculatorProps) {
  const titleId = useId();
  return (
    <section className="calculator" aria-labelledby={titleId}>
      <p className="calculator__title" id={titleId}>
        {title}
      </p>
      {intro ? <p className="calculator__intro">{intro}</p> : null}
      <div className="calculator__fields">{children}</div>
      <div className="calculator__result" aria-live="polite">
        {result}
      </div>
    </section>
  );
}

/** Shown in the result region until every required field is valid. */
export function Pending({ hasErrors, hint }: { hasErrors: boolean; hint: string }) {
  return <p className="calculator__pending">{hasErrors ? "请先按提示修正上方的输入项。" : hint}</p>;
}

export function ResultRows({ children }: { children: ReactNode }) {
  return <dl className="calculator__rows">{children}</dl>;
}

export function ResultRow({ label, children, total }: { label: ReactNode; children: ReactNode; total?: boolean }) {
  return (
    <div className={total ? "calculator__row calculator__row--total" : "calculator__row"}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export type Tone = "ok" | "warn" | "bad" | "info";

export function Message({ tone, children }: { tone: Tone; children: ReactNode }) {
  return <p className={`calculator__message calculator__message--${tone}`}>{children}</p>;
}
