import { z } from "@/lib/zod";
import { isSyllableSequence } from "@/lib/content/search-pinyin";

export const MAX_QUERY_LENGTH = 50;
export const MAX_TERMS = 8;

/** Full-width Latin and digits to ASCII, A-Z to a-z: one UTF-16 unit in, one out. */
export function fold(s: string): string {
  return s.replace(/[\uFF01-\uFF5E\u3000A-Z]/g, (c) => {
    if (c === "\u3000") return " ";
    const code = c.charCodeAt(0);
    return code >= 0xff01 ? fold(String.fromCharCode(code - 0xfee0)) : c.toLowerCase();
  });
}

const words = (q: string) => fold(q).split(/[\s,;、。]+/).filter(Boolean);

/** The `q` search parameter (the first one, if repeated). */
export const searchParamsSchema = z.object({
  q: z.preprocess(
    (v) => (Array.isArray(v) ? v[0] : v),
    z
      .string()
      .trim()
      .max(MAX_QUERY_LENGTH, `搜索词不能超过 ${MAX_QUERY_LENGTH} 个字`)
      .refine((q) => words(q).length <= MAX_TERMS, `最多输入 ${MAX_TERMS} 个词，用空格分开`)
      .optional(),
  ),
});

/** One word of a query: found as typed (`text`) or, when it is Latin letters, as pinyin. */
export type Term = { text: string; pinyin?: string };

const LETTERS = /^[a-z]+$/;

/**
 * Words separated by spaces or punctuation; every word must occur. Neighbouring words that are
 * whole pinyin syllables ("ku cun") are one word spelled out, so they must be adjacent.
 */
export function parseTerms(query: string, knownSyllables: ReadonlySet<string>): Term[] {
  const terms: Term[] = [];
  const list = words(query);
  for (let i = 0; i < list.length; i++) {
    let j = i;
    while (j + 1 < list.length && [list[j], list[j + 1]].every((w) => LETTERS.test(w) && isSyllableSequence(w, knownSyllables))) j++;
    if (j > i) {
      terms.push({ text: list.slice(i, j + 1).join(" "), pinyin: list.slice(i, j + 1).join("") });
      i = j;
    } else {
      const word = list[i];
      terms.push(LETTERS.test(word) && word.length >= 2 ? { text: word, pinyin: word } : { text: word });
    }
  }
  return terms.filter((term, i) => terms.findIndex((t) => t.text === term.text) === i);
}
