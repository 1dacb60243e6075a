import { formatNumber } from "@/lib/calculators/format";
import { decimalsOf, defaultTolerance, within, type AnswerRule } from "@/lib/worked/answer";
import { evaluate, FormulaError, namesIn, parseFormula, substitute, type Formula } from "@/lib/worked/formula";
import { PERCENT_TEXT, type GivenValue, type ProblemProps, type StepProps, type WorkedExampleProps } from "@/lib/worked/schema";

// What the author's numbers must satisfy beyond their types, and the solved steps the
// component renders. One home for both, so a page never shows what content:check would refuse.

export type ExampleProblem = { path: (string | number)[]; message: string };

export type SolvedStep = {
  name: string;
  formula: string; // with × and ÷, however the author typed them
  unit?: string;
  hint?: string;
  rule: AnswerRule;
  substituted: string; // the formula with this problem's numbers: 1,200 ÷ 20,000
  shown: string; // the answer with its unit: 6%, 140 件
};
export type SolvedProblem = { problem: string; steps: SolvedStep[] };

const PARTS = ["worked", "faded", "practice"] as const;
type Part = (typeof PARTS)[number];
const PART_NAME: Record<Part, string> = { worked: "完整例题", faded: "半完成例题", practice: "练习题" };

/** A given as a number in formulas: "5%" is 0.05. */
function givenNumber(value: GivenValue): number {
  return typeof value === "number" ? value : Number(value.slice(0, -1)) / 100;
}
const showGiven = (value: GivenValue) => (typeof value === "number" ? formatNumber(value, 4) : value);
const isPercent = (step: StepProps) => step.unit === "%";
/** A step's answer as a number in later formulas: a % step's 6 is 0.06. */
const stepNumber = (step: StepProps, answer: number) => (isPercent(step) ? answer / 100 : answer);

export function showAnswer(value: number, unit: string | undefined): string {
  const number = formatNumber(value, 4);
  if (!unit) return number;
  return unit === "%" ? `${number}%` : `${number} ${unit}`;
}

function ruleFor(step: StepProps, answer: number): AnswerRule {
  const decimals = step.decimals ?? decimalsOf(answer);
  return { answer, decimals, tolerance: step.tolerance ?? defaultTolerance(decimals), unit: step.unit };
}

/** Whether the number appears in the problem text as a whole number (1,200 and 1200 both count). */
function mentions(text: string, value: GivenValue): boolean {
  const plain = text.replace(/(\d)[,，](?=\d{3})/g, "$1");
  const written = typeof value === "number" ? String(value) : value;
  const escaped = written.replace(/[.%]/g, (c) => `\\${c}`);
  return new RegExp(`(?<![\\d.])${escaped}(?![\\d]|\\.\\d)`).test(plain);
}

function parsedFormulas(steps: StepProps[], problems: ExampleProblem[]): (Formula | undefined)[] {
  return steps.map((step, i) => {
    try {
      return parseFormula(step.formula);
    } catch (error) {
      if (!(error instanceof FormulaError)) throw error;
      problems.push({ path: ["steps", i, "formula"], message: `第 ${i + 1} 步「${step.name}」：${error.message}` });
      return undefined;
    }
  });
}

/** Names every problem must give: used by a formula, not computed by a step. */
function givenNames(steps: StepProps[], formulas: (Formula | undefined)[], problems: ExampleProblem[]): string[] {
  const stepIndex = new Map(steps.map((s, i) => [s.name, i]));
  const needed: string[] = [];
  formulas.forEach((formula, i) => {
    for (const used of formula ? namesIn(formula) : []) {
      const at = stepIndex.get(used);
      if (at === i) problems.push({ path: ["steps", i, "formula"], message: `第 ${i + 1} 步「${used}」的公式不能用到它自己` });
      else if (at !== undefined && at > i) {
        problems.push({ path: ["steps", i, "formula"], message: `第 ${i + 1} 步用到了「${used}」，它要到第 ${at + 1} 步才算出：调整步骤顺序` });
      } else if (at === undefined && !needed.includes(used)) needed.push(used);
    }
  });
  return needed;
}

function checkProblem(part: Part, p: ProblemProps, steps: StepProps[], formulas: (Formula | undefined)[], needed: string[], problems: ExampleProblem[]) {
  const where = PART_NAME[part];
  const given = new Map(Object.entries(p.given));
  const answers = new Map(Object.entries(p.answers));
  for (const name of needed) {
    if (!given.has(name)) problems.push({ path: [part, "given"], message: `${where}的 given 缺少「${name}」（公式里用到了它）` });
  }
  for (const [name, value] of given) {
    if (steps.some((s) => s.name === name)) problems.push({ path: [part, "given", name], message: `「${name}」是某一步要算的结果，不能写在 given 里` });
    else if (!needed.includes(name)) problems.push({ path: [part, "given", name], message: `${where}的已知量「${name}」没有被任何公式用到：检查名称是否写错` });
    else if (!mentions(p.problem, value)) problems.push({ path: [part, "problem"], message: `${where}的题目里没有出现已知量「${name}」的数值 ${showGiven(value)}` });
  }
  for (const name of answers.keys()) {
    if (!steps.some((s) => s.name === name)) problems.push({ path: [part, "answers", name], message: `${where}的 answers 里有「${name}」，但 steps 中没有这一步` });
  }
  const scope = new Map([...given].map(([name, value]) => [name, givenNumber(value)]));
  steps.forEach((step, i) => {
    const answer = answers.get(step.name);
    if (answer === undefined) {
      problems.push({ path: [part, "answers"], message: `${where}的 answers 缺少第 ${i + 1} 步「${step.name}」的答案` });
      return;
    }
    const rule = ruleFor(step, answer);
    if (step.decimals !== undefined && decimalsOf(answer) > step.decimals) {
      problems.push({ path: [part, "answers", step.name], message: `${where}「${step.name}」的答案 ${answer} 超过了 decimals 规定的 ${step.decimals} 位小数` });
    }
    scope.set(step.name, stepNumber(step, answer));
    const formula = formulas[i];
    const raw = formula ? evaluate(formula, scope) : undefined;
    if (formula && raw === undefined && namesIn(formula).every((n) => scope.has(n))) {
      problems.push({ path: [part, "answers", step.name], message: `${where}第 ${i + 1} 步「${step.name}」的公式出现了除以 0` });
    }
    if (raw === undefined) return;
    const computed = isPercent(step) ? raw * 100 : raw;
    if (!within(computed, rule)) {
      problems.push({
        path: [part, "answers", step.name],
        message: `${where}第 ${i + 1} 步「${step.name}」：按公式 ${step.formula} 算得 ${formatNumber(computed, 6)}，与写的 ${answer} 不符（允许误差 ±${formatNumber(rule.tolerance, 6)}）`,
      });
    }
  });
}

function checkChoices(example: WorkedExampleProps, problems: ExampleProblem[]) {
  const names = example.steps.map((s) => s.name);
  const blanks = example.faded.blanks;
  blanks.forEach((name, i) => {
    if (!names.includes(name)) problems.push({ path: ["faded", "blanks", i], message: `blanks 中的「${name}」不是 steps 里的步骤` });
    else if (blanks.indexOf(name) !== i) problems.push({ path: ["faded", "blanks", i], message: `blanks 中「${name}」重复了` });
  });
  if (new Set(blanks).size >= names.length) problems.push({ path: ["faded", "blanks"], message: "blanks 不能留空全部步骤：至少保留一步示范（全部留空就是练习题）" });
  (example.practice.ask ?? []).forEach((name, i) => {
    if (!names.includes(name)) problems.push({ path: ["practice", "ask", i], message: `ask 中的「${name}」不是 steps 里的步骤` });
  });
  const key = (p: ProblemProps) => JSON.stringify(Object.entries(p.given).sort());
  if (key(example.faded) === key(example.worked)) problems.push({ path: ["faded", "given"], message: "半完成例题的已知数与完整例题完全相同：换一组数字" });
  if (key(example.practice) === key(example.worked) || key(example.practice) === key(example.faded)) {
    problems.push({ path: ["practice", "given"], message: "练习题的已知数与前面的例题完全相同：换一组数字" });
  }
}

/** Everything wrong with an example whose props already have the right types; [] when it is sound. */
export function exampleProblems(example: WorkedExampleProps): ExampleProblem[] {
  const problems: ExampleProblem[] = [];
  const seen = new Set<string>();
  example.steps.forEach((step, i) => {
    if (seen.has(step.name)) problems.push({ path: ["steps", i, "name"], message: `步骤名称「${step.name}」重复了` });
    seen.add(step.name);
  });
  const formulas = parsedFormulas(example.steps, problems);
  const needed = givenNames(example.steps, formulas, problems);
  for (const part of PARTS) checkProblem(part, example[part], example.steps, formulas, needed, problems);
  checkChoices(example, problems);
  return problems;
}

/** Each step of one problem with its numbers filled in (for an example exampleProblems accepts). */
export function solve(problem: ProblemProps, steps: StepProps[]): SolvedProblem {
  const answers = new Map(Object.entries(problem.answers));
  const shown = new Map(Object.entries(problem.given).map(([name, value]) => [name, showGiven(value)]));
  return {
    problem: problem.problem,
    steps: steps.map((step) => {
      const answer = answers.get(step.name) ?? Number.NaN;
      const formula = parseFormula(step.formula);
      const substituted = substitute(formula, (name) => shown.get(name) ?? name);
      shown.set(step.name, showAnswer(answer, step.unit === "%" ? "%" : undefined));
      return { name: step.name, formula: substitute(formula, (name) => name), unit: step.unit, hint: step.hint, rule: ruleFor(step, answer), substituted, shown: showAnswer(answer, step.unit) };
    }),
  };
}
