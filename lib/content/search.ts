import { loadCourse, readLessonSource } from "@/lib/content/load";
import { lessonHref, wrapUpHref } from "@/lib/content/navigation";
import type { Course } from "@/lib/content/schema";
import { pinyinOf, pinyinRanges, type PinyinText } from "@/lib/content/search-pinyin";
import { fold, parseTerms, type Term } from "@/lib/content/search-query";
import { segments, snippet, tightestSpan, type Match, type Segment } from "@/lib/content/search-snippet";
import { splitSections } from "@/lib/content/search-text";

export type { Segment } from "@/lib/content/search-snippet";

/** A stretch of lesson text as shown, as searched (folded) and as spoken (pinyin). */
type Field = { text: string; folded: string; pinyin: PinyinText };

type IndexedSection = { headingId?: string; heading?: Field; text: Field };

type IndexedLesson = { href: string; context: string; title: Field; sections: IndexedSection[] };

export type SearchIndex = { lessons: IndexedLesson[]; syllables: ReadonlySet<string> };

export type SearchHit = {
  href: string; // the lesson, at the heading of the section that matched best
  lessonTitle: string;
  context: string; // module title or 课程结业
  title: Segment[];
  heading?: Segment[];
  snippet: Segment[];
  matches: number;
  missing: string[]; // words of the query this lesson lacks (only when no lesson has them all)
};

/** `complete`: every hit holds every word; otherwise no lesson does and hits hold some of them. */
export type SearchResult = { hits: SearchHit[]; complete: boolean };

const field = (text: string): Field => ({ text, folded: fold(text), pinyin: pinyinOf(text) });

/** A page to index: where it lives, what it is called, and its MDX source. */
export type IndexPage = { href: string; context: string; title: string; source: string };

/** The pages' text, split into sections, with its pinyin computed once. */
export function indexPages(pages: IndexPage[]): SearchIndex {
  const lessons = pages.map(({ href, context, title, source }) => ({
    href,
    context,
    title: field(title),
    sections: splitSections(source).map((s) => ({
      headingId: s.headingId,
      heading: s.heading ? field(s.heading) : undefined,
      text: field(s.text),
    })),
  }));
  const syllables = new Set<string>();
  for (const lesson of lessons) {
    for (const f of [lesson.title, ...lesson.sections.flatMap((s) => (s.heading ? [s.heading, s.text] : [s.text]))]) {
      for (const s of f.pinyin.syllables) if (s) syllables.add(s);
    }
  }
  return { lessons, syllables };
}

/** Every lesson of the course and the wrap-up pages. */
export function buildIndex(course: Course, read: (file: string) => string): SearchIndex {
  return indexPages([
    ...course.modules.flatMap((mod) =>
      mod.lessons.map((lesson) => ({ href: lessonHref(lesson), context: mod.title, title: lesson.title, source: read(lesson.file) })),
    ),
    ...course.wrapUp.map((page) => ({ href: wrapUpHref(page), context: "课程结业", title: page.title, source: read(page.file) })),
  ]);
}

/** Where each term occurs in a field: as typed first, else spelled in pinyin. */
function find(f: Field | undefined, terms: Term[]): Match[] {
  if (!f) return [];
  return terms.flatMap((term, i) => {
    const found: Match[] = [];
    for (let at = f.folded.indexOf(term.text); at !== -1; at = f.folded.indexOf(term.text, at + term.text.length)) {
      found.push({ term: i, start: at, end: at + term.text.length });
    }
    if (term.pinyin) {
      for (const [start, end] of pinyinRanges(f.pinyin, term.pinyin)) {
        if (!found.some((m) => m.start < end && start < m.end)) found.push({ term: i, start, end });
      }
    }
    return found;
  });
}

const termsIn = (matches: Match[]) => new Set(matches.map((m) => m.term));

type Ranked = SearchHit & { found: number; score: number };

function rank(lesson: IndexedLesson, terms: Term[]): Ranked | undefined {
  const inTitle = find(lesson.title, terms);
  const sections = lesson.sections.map((section) => ({
    section,
    inHeading: find(section.heading, terms),
    inText: find(section.text, terms),
  }));
  const everywhere = [...inTitle, ...sections.flatMap((s) => [...s.inHeading, ...s.inText])];
  const found = termsIn(everywhere);
  if (!found.size) return undefined;

  // The section that holds the most terms, closest together, is where the link and snippet go.
  const scored = sections.map((s) => {
    const span = tightestSpan(s.inText);
    const held = termsIn([...s.inHeading, ...s.inText]).size;
    const together = terms.length > 1 && span.terms === terms.length ? Math.max(0, 30 - span.width / 4) : 0;
    return { ...s, score: held * 10 + together + Math.min(s.inText.length, 5) };
  });
  const best = scored.reduce((a, b) => (b.score > a.score ? b : a));
  const headingTerms = termsIn(sections.flatMap((s) => s.inHeading)).size;
  const score = termsIn(inTitle).size * 100 + headingTerms * 20 + best.score + Math.min(everywhere.length, 20);

  const id = best.section.headingId;
  return {
    href: id ? `${lesson.href}#${encodeURIComponent(id)}` : lesson.href,
    lessonTitle: lesson.title.text,
    context: lesson.context,
    title: segments(lesson.title.text, inTitle),
    heading: best.section.heading ? segments(best.section.heading.text, best.inHeading) : undefined,
    snippet: snippet(best.section.text.text, best.inText),
    matches: everywhere.length,
    missing: terms.filter((_, i) => !found.has(i)).map((t) => t.text),
    found: found.size,
    score,
  };
}

/**
 * Lessons in which every word of the query occurs, best first: title hits, then count and
 * proximity. When no lesson holds them all, the lessons holding the most of them, each saying
 * which words it lacks (as web search engines do), rather than nothing.
 */
export function search(index: SearchIndex, query: string, limit = 30): SearchResult {
  const terms = parseTerms(query, index.syllables);
  const ranked = terms.length ? index.lessons.map((lesson) => rank(lesson, terms)).filter((hit) => hit !== undefined) : [];
  const all = ranked.filter((hit) => hit.found === terms.length);
  const complete = all.length > 0 || ranked.length === 0;
  const hits = (complete ? all : ranked)
    .sort((a, b) => b.found - a.found || b.score - a.score)
    .slice(0, limit)
    .map(({ score: _score, found: _found, ...hit }) => hit);
  return { hits, complete };
}

let cached: SearchIndex | undefined;

/** The index of the whole course, built on first use and kept for the life of a production process. */
export function courseSearchIndex(): SearchIndex {
  if (cached) return cached;
  const index = buildIndex(loadCourse(), (file) => readLessonSource({ file }));
  if (process.env.NODE_ENV === "production") cached = index;
  return index;
}
