"use client";

import { useEffect, useRef } from "react";
import type { Heading } from "@/lib/content/headings";

/** Where the lesson layout puts the table of contents in a side column (see .lesson-layout). */
const SIDE_COLUMN = "(min-width: 1024px)";

/**
 * 本课目录: closed on a phone (it would fill the first screen), open beside the lesson at a desk.
 * The prerendered HTML is closed for everyone; the browser opens it where there is a side column.
 */
export function TableOfContents({ headings }: { headings: Heading[] }) {
  const details = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const query = window.matchMedia(SIDE_COLUMN);
    const follow = () => {
      if (details.current) details.current.open = query.matches;
    };
    follow();
    query.addEventListener("change", follow);
    return () => query.removeEventListener("change", follow);
  }, []);

  if (headings.length === 0) return null;
  return (
    <nav className="toc card" aria-label="本课目录">
      <details ref={details}>
        <summary>本课目录</summary>
        <ol>
          {headings.map((heading) => (
            <li key={heading.id} className={`depth-${heading.depth}`}>
              <a href={`#${heading.id}`}>{heading.text}</a>
            </li>
          ))}
        </ol>
      </details>
    </nav>
  );
}
