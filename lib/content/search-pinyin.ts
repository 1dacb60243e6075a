import { pinyin } from "pinyin-pro";

/** Toneless pinyin of each Chinese character, by UTF-16 position (undefined elsewhere). */
export type Syllables = (string | undefined)[];

/** A text's syllables and, per first letter, the positions whose syllable starts with it. */
export type PinyinText = { syllables: Syllables; byLetter: Map<string, number[]> };

const HAN_RUN = /\p{Script=Han}+/gu;
const SYLLABLE = /^[a-z]+$/;
const options = { toneType: "none", type: "array", v: true } as const;

/**
 * Computed once per text when the index is built. pinyin-pro reads words, not single
 * characters, so polyphones take the reading their word gives them (银行 hang, 行动 xing).
 * It is given one run of Chinese characters at a time: words never span punctuation, and on a
 * whole section it sometimes loses the word (把行业 read as xing in a 264-character paragraph).
 */
function syllablesOf(text: string): Syllables {
  const syllables: Syllables = new Array(text.length).fill(undefined);
  for (const run of text.matchAll(HAN_RUN)) {
    const chars = [...run[0]];
    const readings = pinyin(run[0], options);
    let at = run.index;
    chars.forEach((char, i) => {
      const reading = readings.length === chars.length ? readings[i] : pinyin(char, options)[0];
      if (reading && SYLLABLE.test(reading)) syllables[at] = reading;
      at += char.length;
    });
  }
  return syllables;
}

/** Built once per text with the index, so a query only compares strings. */
export function pinyinOf(text: string): PinyinText {
  const syllables = syllablesOf(text);
  const byLetter = new Map<string, number[]>();
  syllables.forEach((s, at) => {
    if (!s) return;
    const list = byLetter.get(s[0]) ?? [];
    if (!list.length) byLetter.set(s[0], list);
    list.push(at);
  });
  return { syllables, byLetter };
}

// ü is typed as v (lv) or, by many, as u (lu).
const spellings = (s: string) => (s.includes("v") ? [s, s.replace("v", "u")] : [s]);

/**
 * Where `query` (letters only) spells the characters from `at` on: each character by its full
 * syllable, by its initial (first letter, or zh/ch/sh), or, for the last one, by the start of
 * its syllable as it is being typed. Returns the end position, or -1. The answer depends only on
 * (q, at), so it is remembered: a hostile query costs at most length × text, not 3^length.
 */
function speller(syllables: Syllables, query: string) {
  const memo = new Map<number, number>();
  const spell = (q: number, at: number): number => {
    if (q === query.length) return at;
    const key = at * (query.length + 1) + q;
    let end = memo.get(key);
    if (end === undefined) {
      end = attempt(q, at);
      memo.set(key, end);
    }
    return end;
  };
  const attempt = (q: number, at: number): number => {
    const syllable = syllables[at];
    if (!syllable) return -1;
    const tries: number[] = spellings(syllable).flatMap((s) => (query.startsWith(s, q) ? [q + s.length] : []));
    if (/^[zcs]h./.test(syllable) && query.startsWith(syllable.slice(0, 2), q)) tries.push(q + 2);
    if (syllable.length > 1 && query[q] === syllable[0]) tries.push(q + 1);
    for (const next of tries) {
      const end = spell(next, at + 1);
      if (end !== -1) return end;
    }
    const rest = query.slice(q);
    return rest.length >= 2 && spellings(syllable).some((s) => s.startsWith(rest)) ? at + 1 : -1;
  };
  return (at: number) => spell(0, at);
}

/** Non-overlapping [start, end) ranges of the Chinese characters `query` spells in pinyin. */
export function pinyinRanges({ syllables, byLetter }: PinyinText, query: string): [number, number][] {
  const ranges: [number, number][] = [];
  const spellAt = speller(syllables, query);
  let after = 0;
  for (const at of byLetter.get(query[0]) ?? []) {
    if (at < after) continue;
    const end = spellAt(at);
    if (end !== -1) {
      ranges.push([at, end]);
      after = end;
    }
  }
  return ranges;
}

/** Whether `word` is whole syllables from `known` ("kucun", "anquan"), not initials. */
export function isSyllableSequence(word: string, known: ReadonlySet<string>): boolean {
  const ok: boolean[] = [true];
  for (let end = 1; end <= word.length; end++) {
    ok[end] = false;
    for (let start = Math.max(0, end - 6); start < end && !ok[end]; start++) {
      ok[end] = ok[start] && known.has(word.slice(start, end));
    }
  }
  return word.length > 0 && ok[word.length];
}
