import type { ReactNode } from "react";

type KeyFigureProps = { value: string | number; label: string; note?: string };

export function KeyFigure({ value, label, note }: KeyFigureProps) {
  return (
    <div className="key-figure">
      <p className="key-figure__value">{value}</p>
      <p className="key-figure__label">{label}</p>
      {note ? <p className="key-figure__note">{note}</p> : null}
    </div>
  );
}

export function KeyFigures({ children }: { children?: ReactNode }) {
  return <div className="key-figures">{children}</div>;
}
