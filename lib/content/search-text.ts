import GithubSlugger from "github-slugger";
import matter from "gray-matter";

export type Section = { headingId?: string; heading?: string; text: string };

/** Readable text of an MDX fragment: component props' strings kept, syntax dropped. */
export function plainText(mdx: string): string {
  return mdx
    .replace(/^\s*(```|~~~)[\s\S]*?^\s*\1\s*$/gm, " ")
    .replace(/<\/?[A-Z][A-Za-z0-9]*([^>]*?)\/?>/gs, (_, attrs: string) =>
      [...attrs.matchAll(/"([^"]*)"/g)].map((m) => m[1]).join(" "),
    )
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/^\s*(?:[-+]|\d+\.)\s+/gm, "")
    .replace(/[#*_`>|{}[\]]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** A lesson split at its ## and ### headings, ids as rehype-slug gives them. */
export function splitSections(source: string): Section[] {
  const body = matter(source).content;
  const slugger = new GithubSlugger();
  const sections: Section[] = [];
  let current: { headingId?: string; heading?: string; lines: string[] } = { lines: [] };
  const flush = () => {
    const text = plainText(current.lines.join("\n"));
    if (text || current.heading) sections.push({ headingId: current.headingId, heading: current.heading, text });
  };
  for (const line of body.split("\n")) {
    const match = /^(#{2,3})\s+(.+?)\s*#*\s*$/.exec(line);
    if (match) {
      flush();
      const heading = match[2].replace(/[*_`]/g, "");
      current = { heading, headingId: slugger.slug(heading), lines: [] };
    } else {
      current.lines.push(line);
    }
  }
  flush();
  return sections;
}
