import type { ReactNode } from "react";

const LABELS = { info: "说明", tip: "小提示", warning: "注意", example: "案例" } as const;

type CalloutProps = { type?: keyof typeof LABELS; title?: string; children?: ReactNode };

export function Callout({ type = "info", title, children }: CalloutProps) {
  const kind = type in LABELS ? type : "info";
  return (
    <aside className={`callout callout--${kind}`} aria-label={title ?? LABELS[kind]}>
      <p className="callout__title">{title ?? LABELS[kind]}</p>
      <div className="callout__body">{children}</div>
    </aside>
  );
}
