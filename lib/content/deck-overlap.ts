import fs from "node:fs";
import path from "node:path";
import type { ContentProblem } from "@/lib/content/schema";

/** Runs this long (letters, digits and CJK only; punctuation and spaces ignored) count as copied. */
export const COPY_RUN = 20;

const KEEP = /[\p{L}\p{N}]/u;

/** The kept characters of a text with, for each one, the 1-based line it came from. */
function normalise(text: string): { chars: string[]; lines: number[] } {
  const chars: string[] = [];
  const lines: number[] = [];
  let line = 1;
  for (const ch of text) {
    if (ch === "\n") line++;
    else if (KEEP.test(ch)) {
      chars.push(ch.toLowerCase());
      lines.push(line);
    }
  }
  return { chars, lines };
}

export function deckGrams(deck: string): Set<string> {
  const { chars } = normalise(deck);
  const grams = new Set<string>();
  for (let i = 0; i + COPY_RUN <= chars.length; i++) grams.add(chars.slice(i, i + COPY_RUN).join(""));
  return grams;
}

export interface CopiedRun {
  line: number;
  text: string;
}

/** Maximal runs of at least COPY_RUN kept characters of `text` that also occur in the deck. */
export function copiedRuns(text: string, grams: Set<string>): CopiedRun[] {
  const { chars, lines } = normalise(text);
  const runs: CopiedRun[] = [];
  let start = -1;
  let end = -1;
  const flush = () => {
    if (start >= 0) runs.push({ line: lines[start], text: chars.slice(start, end).join("") });
    start = -1;
  };
  for (let i = 0; i + COPY_RUN <= chars.length; i++) {
    if (!grams.has(chars.slice(i, i + COPY_RUN).join(""))) continue;
    if (start >= 0 && i <= end) end = i + COPY_RUN;
    else {
      flush();
      start = i;
      end = i + COPY_RUN;
    }
  }
  flush();
  return runs;
}

/** The source deck, when this checkout sits beside the course material (COURSE_DECK overrides). */
export function readDeck(): string | null {
  const file = process.env.COURSE_DECK ?? path.resolve(process.cwd(), "../shared/course/seed.txt");
  return fs.existsSync(file) ? fs.readFileSync(file, "utf8") : null;
}

/** Every run copied from the deck, as content problems, over the given files. */
export function deckOverlapProblems(files: { file: string; source: string }[], deck: string): ContentProblem[] {
  const grams = deckGrams(deck);
  return files.flatMap(({ file, source }) =>
    copiedRuns(source, grams).map((run) => ({
      file,
      line: run.line,
      message: `与课件原文连续 ${run.text.length} 字相同（「${run.text.slice(0, 30)}${run.text.length > 30 ? "…" : ""}」）：请用自己的话重写`,
    })),
  );
}
