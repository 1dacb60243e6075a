// npx tsx scripts/content/rebalance-keys.ts [--all] [--check] — spreads the answer keys of each bank
// that content:check refuses (with --all: of every bank) over the option positions (see
// scripts/content/rebalance.ts), rewriting the YAML in place with its comments and layout. Banks
// are those content:check measures: each module quiz, each part-1 file, all case files together.
// Prints each bank's key shares before and after; --check writes nothing. Moving options changes
// the questions' versions (lib/content/banks.ts), hence banks that pass are left alone.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseDocument } from "yaml";
import { keyBalanceProblems } from "@/lib/content/key-balance";
import { applyPlan, choiceQuestions, LETTER_REFERENCE, planBank, printYaml, type ChoiceNode } from "./rebalance";

const CONTENT = path.resolve(import.meta.dirname, "../../content");
const ROOT = path.dirname(CONTENT);
const SEED = "issue-13";

const yamlIn = (dir: string) => readdirSync(dir).filter((f) => f.endsWith(".yaml")).sort().map((f) => path.join(dir, f));
const banks: string[][] = [
  ...readdirSync(CONTENT).filter((d) => /^\d\d-/.test(d)).sort().map((d) => [path.join(CONTENT, d, "quiz.yaml")]),
  ...yamlIn(path.join(CONTENT, "assessment/part1")).map((f) => [f]),
  yamlIn(path.join(CONTENT, "assessment/cases")),
];

function shares(questions: ChoiceNode[]): string {
  const count = (keys: string[]) => {
    const tally = new Map<string, number>();
    keys.forEach((k) => tally.set(k, (tally.get(k) ?? 0) + 1));
    return [...tally].sort(([a], [b]) => a.localeCompare(b)).map(([k, n]) => `${k} ${Math.round((100 * n) / keys.length)}%`).join(", ");
  };
  const single = questions.filter((q) => q.type === "single").map((q) => q.answer[0]);
  const multiple = questions.filter((q) => q.type === "multiple").map((q) => q.answer.join(","));
  return `single ${single.length}: ${count(single)} | multiple ${multiple.length}: ${count(multiple)}`;
}

const write = !process.argv.includes("--check");
const all = process.argv.includes("--all");
for (const files of banks) {
  const docs = files.map((file) => ({ file, doc: parseDocument(readFileSync(file, "utf8")) }));
  const questions = docs.flatMap(({ doc }) => choiceQuestions(doc));
  const label = files.length > 1 ? `${path.relative(ROOT, path.dirname(files[0]))}/*` : path.relative(ROOT, files[0]);
  const before = shares(questions);
  const refused = keyBalanceProblems(questions.map((q) => ({ type: q.type, answer: q.answer, file: label, line: 1 })), label).length > 0;
  if (!refused && !all) {
    console.log(`${label}\n  passes  ${before}`);
    continue;
  }
  const keyTexts = questions.map((q) => q.options.filter((o) => q.answer.includes(String(o.get("id")))).map((o) => String(o.get("text"))).sort().join("\n"));
  planBank(questions, `${SEED}:${label}`).forEach((target, i) => applyPlan(questions[i], target));
  questions.forEach((q, i) => {
    const now = q.options.filter((o) => q.answer.includes(String(o.get("id")))).map((o) => String(o.get("text"))).sort().join("\n");
    if (now !== keyTexts[i]) throw new Error(`${q.id}: the correct options changed`);
    for (const field of ["prompt", "explanation"]) {
      const text = String(q.node.get(field) ?? "");
      if (LETTER_REFERENCE.test(text)) console.warn(`  ${q.id} ${field} names an option by letter or place: ${text}`);
    }
  });
  console.log(`${label}\n  before  ${before}\n  after   ${shares(questions)}`);
  if (write) for (const { file, doc } of docs) writeFileSync(file, printYaml(doc));
}
