import { isMap, isScalar, isSeq, type Document, type Scalar, type YAMLMap, type YAMLSeq } from "yaml";

// Moves each choice question's options so that the keys of a bank are spread over the positions
// (a, b, c…): single choice evenly per position, multiple choice over varied answer sets. Options
// are re-lettered in file order and `answer:` follows. Deterministic, and a second run changes
// nothing: where a key goes depends only on the bank's questions in order (count of options and
// of keys), never on where the key is now.

/** "以上都对", "以上都不对", "都不正确"…: options whose meaning depends on their place stay put. */
const PINNED = /^(以上|上述)(选项|各项|说法)?(都|皆|均|全)|^(选项)?(都|皆|均)不(对|是|正确)/;

type OptionNode = YAMLMap<unknown, unknown>;
export type ChoiceNode = {
  id: string;
  type: "single" | "multiple";
  options: OptionNode[];
  answer: string[];
  node: YAMLMap;
  optionSeq: YAMLSeq;
  answerSeq: YAMLSeq<Scalar>;
};

const letter = (index: number) => String.fromCharCode(97 + index);

/** The choice questions of a quiz, part-1 or case file, in file order. */
export function choiceQuestions(doc: Document): ChoiceNode[] {
  const questions = doc.get("questions", true);
  if (!isSeq(questions)) return [];
  return questions.items.flatMap((node) => {
    if (!isMap(node)) return [];
    const options = node.get("options", true);
    const answer = node.get("answer", true);
    if (!isSeq(options) || !isSeq(answer)) return [];
    return [{
      id: String(node.get("id")),
      type: node.get("type") === "multiple" ? "multiple" : "single",
      options: options.items as OptionNode[],
      answer: (answer.items as Scalar[]).map((s) => String(s.value)),
      node,
      optionSeq: options,
      answerSeq: answer as YAMLSeq<Scalar>,
    }];
  });
}

function mulberry32(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hash(text: string): number {
  let h = 2166136261;
  for (const ch of text) h = Math.imul(h ^ ch.codePointAt(0)!, 16777619);
  return h >>> 0;
}

function combinations(items: number[], k: number): number[][] {
  if (k === 0) return [[]];
  if (items.length < k) return [];
  const [first, ...rest] = items;
  return [...combinations(rest, k - 1).map((c) => [first, ...c]), ...combinations(rest, k)];
}

/** Lexicographic minimum by a score tuple. */
function best<T>(candidates: T[], score: (c: T) => number[]): T {
  const scored = candidates.map((c) => ({ c, s: score(c) }));
  scored.sort((x, y) => {
    for (let i = 0; i < x.s.length; i++) if (x.s[i] !== y.s[i]) return x.s[i] - y.s[i];
    return 0;
  });
  return scored[0].c;
}

/** For every question of one bank, the positions its keys should hold (0-based, ascending). */
export function planBank(questions: ChoiceNode[], seed: string): number[][] {
  const rng = mulberry32(hash(seed));
  const singleAt = new Map<number, number>();
  const multiAt = new Map<number, number>();
  const sets = new Map<string, number>();
  return questions.map((q) => {
    const texts = q.options.map((o) => String(o.get("text")).trim());
    const ids = q.options.map((o) => String(o.get("id")));
    const pinned = texts.map((t) => PINNED.test(t));
    const movable = texts.map((_, i) => i).filter((i) => !pinned[i]);
    const pinnedKeys = ids.flatMap((id, i) => (pinned[i] && q.answer.includes(id) ? [i] : []));
    const movableKeys = q.answer.length - pinnedKeys.length;
    const candidates = combinations(movable, movableKeys).map((c) => [...c, ...pinnedKeys].sort((a, b) => a - b));
    const ties = new Map(candidates.map((c) => [c, rng()]));
    if (q.type === "single") {
      const chosen = best(candidates, (c) => [singleAt.get(c[0]) ?? 0, ties.get(c)!]);
      singleAt.set(chosen[0], (singleAt.get(chosen[0]) ?? 0) + 1);
      return chosen;
    }
    const key = (c: number[]) => c.map(letter).join(",");
    const load = (c: number[]) => c.reduce((sum, i) => sum + (multiAt.get(i) ?? 0), 0);
    const chosen = best(candidates, (c) => [sets.get(key(c)) ?? 0, load(c), ties.get(c)!]);
    sets.set(key(chosen), (sets.get(key(chosen)) ?? 0) + 1);
    chosen.forEach((i) => multiAt.set(i, (multiAt.get(i) ?? 0) + 1));
    return chosen;
  });
}

/**
 * Puts the keys of `q` at `target`, the other movable options in the remaining places (both in
 * their current relative order), pinned options where they are; re-letters and rewrites answer.
 */
export function applyPlan(q: ChoiceNode, target: number[]): void {
  const ids = q.options.map((o) => String(o.get("id")));
  const pinned = q.options.map((o) => PINNED.test(String(o.get("text")).trim()));
  const isKey = (i: number) => q.answer.includes(ids[i]);
  const movable = q.options.map((_, i) => i).filter((i) => !pinned[i]);
  const keys = movable.filter(isKey).map((i) => q.options[i]);
  const others = movable.filter((i) => !isKey(i)).map((i) => q.options[i]);
  const placed = [...q.options];
  for (const i of movable) placed[i] = (target.includes(i) ? keys : others).shift()!;
  q.optionSeq.items = placed;
  placed.forEach((option, i) => {
    const id = option.get("id", true);
    if (isScalar(id)) id.value = letter(i);
    else option.set("id", letter(i));
  });
  target.forEach((i, n) => (q.answerSeq.items[n].value = letter(i)));
  q.answer = target.map(letter);
  q.options = placed;
}

/** yaml's writer pads flow sequences (`[ a ]`); the banks are written `[a]`. */
export function printYaml(doc: Document): string {
  return doc.toString({ lineWidth: 0 }).replace(/^(\s*[\w-]+: )\[ (.*) \]$/gm, "$1[$2]");
}

/** Text that names an option by its letter or place: it would go wrong when options move. */
export const LETTER_REFERENCE = /选项\s*[A-Ha-h]|(?<![A-Za-z0-9])[A-H]\s*(项|选项)|(?<![A-Za-z0-9])[A-H]、[A-H](?![A-Za-z0-9])|前[一二三四五两]项|后[一二三四五两]项|第[一二三四五六七八]项/;
