import type { ReactNode } from "react";

/**
 * The box a wide table scrolls in on a phone. It is a named, focusable region so that keyboard
 * users can reach it and scroll it with the arrow keys (WCAG 2.1.1); without tabIndex a table
 * with no links in it could not be scrolled without a mouse or a touch screen.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
