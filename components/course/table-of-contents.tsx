import type { Heading } from "@/lib/content/headings";

export function TableOfContents({ headings }: { headings: Heading[] }) {
  if (headings.length === 0) return null;
  return (
    <nav className="toc card" aria-label="本课目录">
      <details open>
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
