/** A piece of displayed text; `mark` pieces are what the query matched. */
export type Segment = { text: string; mark?: true };

/** Where a term (by its index in the query) matched: [start, end) in UTF-16 units. */
export type Match = { term: number; start: number; end: number };

const BEFORE = 24;
const WIDTH = 96;

/** Marked segments of `text` between `from` and `to` (matches clipped to that stretch). */
export function segments(text: string, matches: Match[], from = 0, to = text.length): Segment[] {
  const ranges = matches
    .map((m) => [Math.max(m.start, from), Math.min(m.end, to)] as const)
    .filter(([s, e]) => s < e)
    .sort((a, b) => a[0] - b[0]);
  const out: Segment[] = [];
  let at = from;
  for (const [start, end] of ranges) {
    if (end <= at) continue;
    if (start > at) out.push({ text: text.slice(at, start) });
    out.push({ text: text.slice(Math.max(start, at), end), mark: true });
    at = end;
  }
  if (at < to) out.push({ text: text.slice(at, to) });
  return out;
}

/**
 * The shortest stretch holding the most different terms: its width is the proximity measure
 * (words close together rank higher) and its start anchors the snippet.
 */
export function tightestSpan(matches: Match[]): { terms: number; start: number; width: number } {
  const sorted = [...matches].sort((a, b) => a.start - b.start);
  const all = new Set(sorted.map((m) => m.term)).size;
  let best = { terms: 0, start: 0, width: Infinity };
  sorted.forEach((first, i) => {
    const seen = new Set<number>();
    for (let j = i; j < sorted.length; j++) {
      seen.add(sorted[j].term);
      if (seen.size === all) {
        const width = sorted[j].end - first.start;
        if (width < best.width) best = { terms: all, start: first.start, width };
        return;
      }
    }
  });
  return best;
}

/** About a hundred characters around the best stretch, with "…" where text was cut. */
export function snippet(text: string, matches: Match[]): Segment[] {
  const from = matches.length ? Math.max(0, tightestSpan(matches).start - BEFORE) : 0;
  const to = Math.min(text.length, from + WIDTH);
  const cut = segments(text, matches, from, to);
  if (from > 0) cut.unshift({ text: "…" });
  if (to < text.length) cut.push({ text: "…" });
  return cut;
}
