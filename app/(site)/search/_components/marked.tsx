import type { Segment } from "@/lib/content/search";

/** Text with the matched words in <mark>. */
export function Marked({ segments }: { segments: Segment[] }) {
  return segments.map((s, i) => (s.mark ? <mark key={i}>{s.text}</mark> : s.text));
}
