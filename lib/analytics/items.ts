import "server-only";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { ItemStats } from "@/lib/analytics/item-stats";
import type { ItemResponses } from "@/lib/analytics/queries";
import { part1ItemKey, quizItemKey } from "@/lib/item-responses/rows";
import { ASSESSMENT_DIR, loadAssessment, loadModuleQuiz, moduleDir, QUIZ_FILE } from "@/lib/content/banks";
import { CONTENT_DIR } from "@/lib/content/load";
import { part1FileSchema } from "@/lib/content/question-schema";
import type { Course } from "@/lib/content/schema";
import { parseYamlFile } from "@/lib/content/yaml-file";

// Item statistics joined with the banks: question text, key and the YAML file a trainer edits.

export type ItemSection = { id: string; title: string; attempts: number; rows: ItemRow[] };

export type ItemRow = {
  key: string;
  id: string;
  prompt: string | null; // null: no longer in the bank
  type: "single" | "multiple" | null;
  answer: string[];
  /** The bank's option texts by id (empty when the question is no longer in the bank). */
  optionText: Record<string, string>;
  file: string | null;
  stats: ItemStats;
  /** Some responses were to an earlier wording (the bank's version differs). */
  edited: boolean;
};

const rel = (p: string) => path.relative(process.cwd(), p);

/** Question id → the part-1 bank file that holds it (the loaded bank merges the files). */
function part1Files(): Map<string, string> {
  const dir = path.join(CONTENT_DIR, ASSESSMENT_DIR, "part1");
  const files = new Map<string, string>();
  for (const name of readdirSync(dir).filter((f) => f.endsWith(".yaml")).sort()) {
    const file = path.join(dir, name);
    const { value } = parseYamlFile(readFileSync(file, "utf8"), rel(file), part1FileSchema);
    for (const q of value?.questions ?? []) files.set(q.id, rel(file));
  }
  return files;
}

type BankQuestion = { id: string; prompt: string; type: "single" | "multiple"; answer: string[]; options: { id: string; text: string }[]; version: string };

function rowsOf(
  data: ItemResponses,
  bank: readonly BankQuestion[],
  keyOf: (id: string) => string,
  fileOf: (id: string) => string | null,
  prefix: string,
): ItemRow[] {
  const rows: ItemRow[] = bank.map((q) => {
    const key = keyOf(q.id);
    const seen = data.versions.get(key);
    return {
      key,
      id: q.id,
      prompt: q.prompt,
      type: q.type,
      answer: q.answer,
      optionText: Object.fromEntries(q.options.map((o) => [o.id, o.text])),
      file: fileOf(q.id),
      stats: data.items.stats(key, q.options.map((o) => o.id)),
      edited: seen ? [...seen].some((v) => v !== q.version) : false,
    };
  });
  // Answered questions that were since removed from the bank still get a row.
  const inBank = new Set(rows.map((r) => r.key));
  for (const key of data.items.itemIds()) {
    if (!key.startsWith(prefix) || inBank.has(key)) continue;
    const id = key.slice(prefix.length);
    rows.push({ key, id, prompt: null, type: null, answer: [], optionText: {}, file: null, stats: data.items.stats(key), edited: false });
  }
  return rows;
}

/** One section for part 1 of the 结业考核, then one per module quiz, in course order. */
export function itemSections(course: Course, data: ItemResponses): ItemSection[] {
  const files = part1Files();
  const part1: ItemSection = {
    id: "part1",
    title: "结业考核 · 理论知识测试",
    attempts: data.attempts.part1,
    rows: rowsOf(data, loadAssessment().part1, part1ItemKey, (id) => files.get(id) ?? null, part1ItemKey("")),
  };
  const quizzes = course.modules.map((mod): ItemSection => {
    const dir = moduleDir(course, mod.slug);
    const file = dir ? rel(path.join(dir, QUIZ_FILE)) : null;
    return {
      id: `quiz-${mod.slug}`,
      title: `模块 ${mod.order} 测验 · ${mod.title}`,
      attempts: data.attempts.quiz[mod.slug] ?? 0,
      rows: rowsOf(data, loadModuleQuiz(course, mod.slug), (id) => quizItemKey(mod.slug, id), () => file, quizItemKey(mod.slug, "")),
    };
  });
  return [part1, ...quizzes];
}
