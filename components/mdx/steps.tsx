import type { ReactNode } from "react";

export function Steps({ children }: { children?: ReactNode }) {
  return <ol className="steps">{children}</ol>;
}

export function Step({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <li className="steps__item">
      <p className="steps__title">{title}</p>
      {children ? <div className="steps__body">{children}</div> : null}
    </li>
  );
}
