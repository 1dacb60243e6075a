import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { lintFor, loadConfig } from "autocorrect-node";
import { isScalar, LineCounter, parseDocument, visit, type Scalar } from "yaml";
import type { ContentProblem } from "@/lib/content/schema";

// Chinese copywriting of lessons (.mdx) and banks (.yaml): AutoCorrect (spaces between Chinese and
// Latin/digits, full-width punctuation) plus two house rules it has no setting for. Only prose is
// read: code, JSX props, URLs, ids and keys never are.

loadConfig(readFileSync(fileURLToPath(new URL("../../.autocorrectrc", import.meta.url)), "utf8"));

/** YAML keys whose values are identifiers, not prose; `slides` names deck pages as the deck spells them. */
const ID_KEYS = new Set(["id", "lesson", "type", "answer", "topic", "topics", "kind", "order", "minutes", "slides"]);

/** Word forms of the general standard list (通用规范汉字表) where a variant is common. */
export const WORD_FORMS: Record<string, string> = { 粘性: "黏性" };

const HAN = /\p{Script=Han}/u;
const keepLines = (text: string) => text.replace(/[^\n]/g, "");

/**
 * JSX tags with their props reduced to the bare tag, line breaks kept, so that a prop's string is
 * never read as prose while the text between tags still is. Props may hold strings and up to
 * three levels of braces (`data={[{ label: "…" }]}`).
 */
const JSX_TAG = /<(\/?)([A-Za-z][\w.]*)((?:[^>"'{}]|"[^"]*"|'[^']*'|\{(?:[^{}]|\{(?:[^{}]|\{[^{}]*\})*\})*\})*?)(\/?)>/g;
export function maskJsxProps(mdx: string): string {
  return mdx.replace(JSX_TAG, (_, close: string, name: string, props: string, self: string) => `<${close}${name}${keepLines(props)}${self}>`);
}

/** Prose only, line breaks kept: no code, JSX, ESM, URLs or link targets. */
function proseOnly(mdx: string): string {
  return maskJsxProps(mdx)
    .replace(/^[ \t]*(```|~~~)[\s\S]*?^[ \t]*\1[^\n]*$/gm, keepLines)
    .replace(/^(import|export)[ \t][^\n]*$/gm, "")
    .replace(/<\/?[A-Za-z][\w.]*\s*\/?>/g, (tag) => ` ${keepLines(tag)}`)
    .replace(/`[^`\n]*`/g, " ")
    .replace(/\]\([^)\n]*\)/g, "]")
    .replace(/https?:\/\/\S+/g, " ");
}

function houseRules(prose: string, firstLine: number): { line: number; message: string }[] {
  return prose.split("\n").flatMap((text, i) => {
    const line = firstLine + i;
    const found: { line: number; message: string }[] = [];
    if (text.includes('"') && HAN.test(text)) found.push({ line, message: "中文里的引号请用全角的“”或「」，不要用 ASCII 双引号 \"" });
    for (const [variant, standard] of Object.entries(WORD_FORMS)) {
      if (text.includes(variant)) found.push({ line, message: `「${variant}」请写作「${standard}」` });
    }
    return found;
  });
}

/** The part of a line AutoCorrect changed, with a few characters around it: 「…与ROI：…」→「…与 ROI：…」. */
export function changedPart(before: string, after: string, context = 4): [string, string] {
  const a = [...before];
  const b = [...after];
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  const from = Math.max(0, start - context);
  const cut = (chars: string[]) => {
    const to = Math.min(chars.length, chars.length - end + context);
    return `${from > 0 ? "…" : ""}${chars.slice(from, to).join("")}${to < chars.length ? "…" : ""}`;
  };
  return [cut(a), cut(b)];
}

function autocorrect(mdx: string, firstLine: number): { line: number; message: string }[] {
  const { lines, error } = lintFor(maskJsxProps(mdx), "content.mdx");
  if (error) return [{ line: firstLine, message: `排版检查无法读取：${error}` }];
  return lines.map((l) => {
    const [before, after] = changedPart(l.old, l.new);
    return { line: firstLine + l.l - 1, message: `排版：「${before}」应为「${after}」（中文与英文、数字之间加空格，中文用全角标点）` };
  });
}

/** Every prose string of a YAML file (a bank, or a lesson's frontmatter), with its first line. */
function yamlStrings(source: string): { text: string; line: number }[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter });
  if (doc.errors.length) return []; // the schema check reports broken YAML
  const strings: { text: string; line: number }[] = [];
  visit(doc, {
    Pair(_, pair) {
      if (isScalar(pair.key) && ID_KEYS.has(String(pair.key.value))) return visit.SKIP;
    },
    Scalar(_, node: Scalar) {
      if (typeof node.value !== "string" || !node.range) return;
      const start = lineCounter.linePos(node.range[0]).line;
      // A block scalar's text starts on the line after its `|` or `>` header.
      const block = node.type === "BLOCK_LITERAL" || node.type === "BLOCK_FOLDED";
      strings.push({ text: node.value, line: block ? start + 1 : start });
    },
  });
  return strings;
}

const FRONTMATTER = /^---\n([\s\S]*?)\n---(?=\n|$)/;

/** Copywriting problems of one lesson or bank file, each at its line. */
export function copywritingProblems(file: string, source: string): ContentProblem[] {
  const found: { line: number; message: string }[] = [];
  const lintText = (text: string, line: number) => found.push(...autocorrect(text, line), ...houseRules(proseOnly(text), line));
  if (/\.ya?ml$/.test(file)) {
    for (const { text, line } of yamlStrings(source)) lintText(text, line);
  } else {
    const frontmatter = FRONTMATTER.exec(source);
    if (frontmatter) for (const { text, line } of yamlStrings(frontmatter[1])) lintText(text, line + 1);
    lintText(frontmatter ? source.replace(FRONTMATTER, keepLines) : source, 1);
  }
  return found
    .sort((a, b) => a.line - b.line)
    .map(({ line, message }) => ({ file, line, message }));
}
