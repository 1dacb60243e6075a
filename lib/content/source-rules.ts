import { extractHeadings } from "@/lib/content/headings";
import { LESSON_COMPONENTS } from "@/lib/content/components";
import type { ContentProblem } from "@/lib/content/schema";

const known = new Set<string>(LESSON_COMPONENTS);

/** Lines of an MDX source outside code fences, with their 1-based numbers. */
function proseLines(source: string): { text: string; line: number }[] {
  const lines: { text: string; line: number }[] = [];
  let inFence = false;
  source.split("\n").forEach((text, i) => {
    if (/^\s*(```|~~~)/.test(text)) inFence = !inFence;
    else if (!inFence) lines.push({ text, line: i + 1 });
  });
  return lines;
}

/** Capitalised JSX tags that are not lesson components. */
export function unknownComponents(source: string, file: string): ContentProblem[] {
  return proseLines(source).flatMap(({ text, line }) =>
    [...text.matchAll(/<([A-Z][A-Za-z0-9]*)/g)]
      .filter((m) => !known.has(m[1]))
      .map((m) => ({
        file,
        line,
        message: `未知组件 <${m[1]}>：可用组件为 ${LESSON_COMPONENTS.join("、")}（见 content/README.md）`,
      })),
  );
}

/** Images must describe themselves: `![描述](图片)`. */
export function missingAltText(source: string, file: string): ContentProblem[] {
  return proseLines(source).flatMap(({ text, line }) =>
    [...text.matchAll(/!\[\s*\]\(([^)]*)\)/g)].map((m) => ({
      file,
      line,
      message: `图片 ${m[1]} 缺少替代文字：写成 ![图片内容的描述](${m[1]})`,
    })),
  );
}

export type LinkTarget = { href: string; body?: string };

/**
 * Markdown links to pages of this app must point at an existing page (and heading, if they
 * name one). `targets` maps a path like /modules/x/y to its MDX body (undefined for pages
 * without headings).
 */
export function brokenInternalLinks(source: string, file: string, targets: Map<string, string | undefined>): ContentProblem[] {
  return proseLines(source).flatMap(({ text, line }) =>
    [...text.matchAll(/\]\((\/[^)\s]*)\)/g)].flatMap((m) => {
      const [pathPart, anchor] = decodeURIComponent(m[1]).split("#");
      if (!targets.has(pathPart)) {
        return [{ file, line, message: `链接 ${m[1]} 指向不存在的页面` }];
      }
      const body = targets.get(pathPart);
      if (anchor && !(body && extractHeadings(body).some((h) => h.id === anchor))) {
        return [{ file, line, message: `链接 ${m[1]} 指向的小节 #${anchor} 不存在` }];
      }
      return [];
    }),
  );
}
