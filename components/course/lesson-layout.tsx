import type { ReactNode } from "react";
import { TableOfContents } from "@/components/course/table-of-contents";
import type { Heading } from "@/lib/content/headings";

/** A readable page of MDX: table of contents beside (desktop) or above (phone) the article. */
export function LessonLayout({ headings, children }: { headings: Heading[]; children: ReactNode }) {
  return (
    <div className="lesson-layout">
      <TableOfContents headings={headings} />
      <article className="lesson">{children}</article>
    </div>
  );
}
