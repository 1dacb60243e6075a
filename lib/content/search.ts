import { loadCourse, readLessonSource } from "@/lib/content/load";
import { lessonHref, wrapUpHref } from "@/lib/content/navigation";
import type { Course } from "@/lib/content/schema";
import { splitSections } from "@/lib/content/search-text";

export type SearchDoc = {
  href: string; // lesson URL with the heading's anchor
  lessonTitle: string;
  context: string; // module title or 课程结业
  heading?: string;
  text: string;
};

export type SearchHit = SearchDoc & { snippet: { before: string; match: string; after: string } };

export type SearchIndex = { docs: SearchDoc[]; bigrams: Map<string, Set<number>> };

const normalize = (s: string) => s.toLowerCase().replace(/\s+/g, " ");

// Chinese has no spaces between words: index every pair of adjacent characters, then confirm
// candidates by substring so a result always contains the phrase as typed.
function bigramsOf(s: string): string[] {
  const chars = [...normalize(s)].filter((c) => c !== " ");
  if (chars.length === 1) return chars;
  return chars.slice(1).map((c, i) => chars[i] + c);
}

export function buildIndex(course: Course, read: (file: string) => string): SearchIndex {
  const docs: SearchDoc[] = [];
  const pages = [
    ...course.modules.flatMap((mod) => mod.lessons.map((lesson) => ({ lesson, context: mod.title, href: lessonHref(lesson) }))),
    ...course.wrapUp.map((lesson) => ({ lesson, context: "课程结业", href: wrapUpHref(lesson) })),
  ];
  for (const { lesson, context, href } of pages) {
    for (const section of splitSections(read(lesson.file))) {
      docs.push({
        href: section.headingId ? `${href}#${encodeURIComponent(section.headingId)}` : href,
        lessonTitle: lesson.title,
        context,
        heading: section.heading,
        text: section.text,
      });
    }
  }
  const bigrams = new Map<string, Set<number>>();
  docs.forEach((doc, i) => {
    for (const gram of bigramsOf(`${doc.lessonTitle} ${doc.heading ?? ""} ${doc.text}`)) {
      if (!bigrams.has(gram)) bigrams.set(gram, new Set());
      bigrams.get(gram)!.add(i);
    }
  });
  return { docs, bigrams };
}

function snippet(text: string, query: string) {
  const at = normalize(text).indexOf(query);
  if (at === -1) return { before: text.slice(0, 80), match: "", after: text.length > 80 ? "…" : "" };
  const start = Math.max(0, at - 30);
  return {
    before: (start > 0 ? "…" : "") + text.slice(start, at),
    match: text.slice(at, at + query.length),
    after: text.slice(at + query.length, at + query.length + 50) + (at + query.length + 50 < text.length ? "…" : ""),
  };
}

/** Sections containing the whole phrase; heading and title matches rank first. */
export function search(index: SearchIndex, rawQuery: string, limit = 30): SearchHit[] {
  const query = normalize(rawQuery.trim());
  if (!query) return [];
  const grams = bigramsOf(query);
  let candidates: Set<number> | undefined;
  for (const gram of grams) {
    const docsWithGram = index.bigrams.get(gram) ?? new Set<number>();
    candidates = candidates ? new Set([...candidates].filter((i) => docsWithGram.has(i))) : new Set(docsWithGram);
    if (candidates.size === 0) return [];
  }
  const hits: (SearchHit & { score: number })[] = [];
  for (const i of candidates ?? []) {
    const doc = index.docs[i];
    const inHeading = normalize(`${doc.lessonTitle} ${doc.heading ?? ""}`).includes(query);
    const inText = normalize(doc.text).includes(query);
    if (!inHeading && !inText) continue;
    const count = normalize(doc.text).split(query).length - 1;
    hits.push({ ...doc, snippet: snippet(doc.text, query), score: (inHeading ? 100 : 0) + count });
  }
  return hits
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)
    .map(({ score: _score, ...hit }) => hit);
}

let cached: SearchIndex | undefined;

/** The index of the whole course, built once per production process. */
export function courseSearchIndex(): SearchIndex {
  if (cached) return cached;
  const index = buildIndex(loadCourse(), (file) => readLessonSource({ file }));
  if (process.env.NODE_ENV === "production") cached = index;
  return index;
}
