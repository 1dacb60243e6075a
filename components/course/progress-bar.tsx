import type { Tally } from "@/lib/progress/rules";

export function ProgressBar({ label, tally }: { label: string; tally: Tally }) {
  const done = tally.total > 0 && tally.done === tally.total;
  return (
    <div className={`progress${done ? " progress--done" : ""}`}>
      <div className="progress__meta">
        <span>{label}</span>
        <span>
          {tally.done}/{tally.total} 课 · {tally.percent}%
        </span>
      </div>
      <div
        className="progress__track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={tally.percent}
        aria-valuetext={`已完成 ${tally.done}/${tally.total} 课，${tally.percent}%`}
      >
        <div className="progress__bar" style={{ width: `${tally.percent}%` }} />
      </div>
    </div>
  );
}
