import { readFileSync } from "node:fs";
import path from "node:path";
import { ASSESSMENT_DIR, moduleDir, QUIZ_FILE, readAssessment, readModuleQuiz, yamlFiles } from "@/lib/content/banks";
import { compileLesson } from "@/lib/content/compile";
import { duplicateQuestionProblems, type LocatedQuestion } from "@/lib/content/duplicates";
import { keyBalanceProblems, type KeyedQuestion } from "@/lib/content/key-balance";
import { CONTENT_DIR } from "@/lib/content/load";
import { ContentError } from "@/lib/content/problems";
import { AREAS, caseSchema, part1FileSchema } from "@/lib/content/question-schema";
import type { ContentProblem, Course } from "@/lib/content/schema";
import { unknownComponents } from "@/lib/content/source-rules";
import { parseYamlFile } from "@/lib/content/yaml-file";

const MIN_PART1 = 60;
const MIN_CASES = 3;
const MIN_PROMPTS = 2;

function lineOfId(file: string, id: string): number {
  const lines = readFileSync(file, "utf8").split("\n");
  const index = lines.findIndex((line) => new RegExp(`^\\s*-?\\s*id:\\s*["']?${id}["']?\\s*$`).test(line));
  return index + 1 || 1;
}

const keyed = (file: string) => (q: Omit<KeyedQuestion, "file" | "line"> & { id: string }): KeyedQuestion => ({
  type: q.type,
  answer: q.answer,
  file: path.relative(process.cwd(), file),
  line: lineOfId(file, q.id),
});

/**
 * Keys spread over the option positions, per bank: each module quiz, each part-1 file (one file is
 * one area, and every paper draws from each area) and all cases together (a paper has one case).
 */
function assessmentKeyBalance(dir: string): ContentProblem[] {
  const parse = <T>(file: string, schema: Parameters<typeof parseYamlFile<T>>[2]) => parseYamlFile(readFileSync(file, "utf8"), file, schema).value;
  const part1 = yamlFiles(path.join(dir, "part1")).flatMap((file) =>
    keyBalanceProblems((parse(file, part1FileSchema)?.questions ?? []).map(keyed(file)), "本文件"),
  );
  const cases = yamlFiles(path.join(dir, "cases")).flatMap((file) =>
    (parse(file, caseSchema)?.questions ?? []).flatMap((q) => (q.kind === "choice" ? [keyed(file)(q)] : [])),
  );
  return [...part1, ...keyBalanceProblems(cases, "全部案例")];
}

/** Question ids are unique across every bank: attempts and statistics refer to them. */
function duplicateIds(items: { id: string; file: string }[]): ContentProblem[] {
  const seen = new Map<string, string>();
  return items.flatMap(({ id, file }) => {
    const first = seen.get(id);
    seen.set(id, first ?? file);
    return first ? [{ file: path.relative(process.cwd(), file), line: lineOfId(file, id), message: `题目 id「${id}」重复（另见 ${path.relative(process.cwd(), first)}）` }] : [];
  });
}

const located = (file: string) => <Q extends Omit<LocatedQuestion, "file" | "line">>(q: Q): LocatedQuestion => ({
  id: q.id,
  prompt: q.prompt,
  options: q.options,
  answer: q.answer,
  file: path.relative(process.cwd(), file),
  line: lineOfId(file, q.id),
});

/** Part-1 questions, file by file, for the duplicate check. */
function part1Questions(dir: string): LocatedQuestion[] {
  return yamlFiles(path.join(dir, "part1")).flatMap((file) =>
    (parseYamlFile(readFileSync(file, "utf8"), file, part1FileSchema).value?.questions ?? []).map(located(file)),
  );
}

export async function checkBanks(course: Course, root: string = CONTENT_DIR): Promise<ContentProblem[]> {
  const problems: ContentProblem[] = [];
  const ids: { id: string; file: string }[] = [];
  const quizQuestions: LocatedQuestion[] = [];

  for (const mod of course.modules) {
    const dir = moduleDir(course, mod.slug, root)!;
    const file = path.join(dir, QUIZ_FILE);
    const quiz = readModuleQuiz(dir);
    // A folder being tried out (tests, fixtures) may have no quiz yet; the real course must.
    problems.push(...quiz.problems.filter((p) => root === CONTENT_DIR || !p.message.startsWith("缺少")));
    const slugs = new Set(mod.lessons.map((l) => l.slug));
    quizQuestions.push(...quiz.questions.map(located(file)));
    for (const q of quiz.questions) {
      ids.push({ id: q.id, file });
      if (!slugs.has(q.lesson)) problems.push({ file: path.relative(process.cwd(), file), line: lineOfId(file, q.id), message: `题目「${q.id}」的 lesson「${q.lesson}」不是本模块的课程` });
    }
    problems.push(...keyBalanceProblems(quiz.questions.map(keyed(file)), "本测验"));
    if (quiz.questions.length) {
      for (const lesson of mod.lessons.filter((l) => !quiz.questions.some((q) => q.lesson === l.slug))) {
        problems.push({ file: path.relative(process.cwd(), file), line: 1, message: `课程「${lesson.title}」（${lesson.slug}）还没有测验题，每课至少 1 题` });
      }
    }
  }

  const dir = path.join(root, ASSESSMENT_DIR);
  const { content, problems: assessmentProblems } = readAssessment(root);
  problems.push(...assessmentProblems.filter((p) => root === CONTENT_DIR || !p.message.startsWith("缺少")));
  if (content && root === CONTENT_DIR) {
    const where = (sub: string) => path.relative(process.cwd(), path.join(dir, sub));
    if (content.part1.length < MIN_PART1) problems.push({ file: where("part1"), line: 1, message: `理论知识题库只有 ${content.part1.length} 题，至少需要 ${MIN_PART1} 题` });
    for (const area of AREAS) {
      const have = content.part1.filter((q) => q.area === area).length;
      const need = content.config.part1Draw[area] ?? 0;
      if (have < need) problems.push({ file: where("config.yaml"), line: 1, message: `「${area}」题库只有 ${have} 题，不够每次抽 ${need} 题` });
    }
    if (content.cases.length < MIN_CASES) problems.push({ file: where("cases"), line: 1, message: `实操案例只有 ${content.cases.length} 个，至少需要 ${MIN_CASES} 个` });
    if (content.prompts.length < MIN_PROMPTS) problems.push({ file: where("prompts"), line: 1, message: `方案设计题只有 ${content.prompts.length} 个，至少需要 ${MIN_PROMPTS} 个` });
  }
  problems.push(...assessmentKeyBalance(dir));
  problems.push(...duplicateQuestionProblems(part1Questions(dir), quizQuestions));
  for (const c of content?.cases ?? []) {
    const file = where2(dir, "cases", c.id);
    const unknown = unknownComponents(c.data, file);
    problems.push(...unknown);
    if (!unknown.length) {
      await compileLesson(c.data, file).catch((error) => {
        if (error instanceof ContentError) problems.push(...error.problems);
        else throw error;
      });
    }
  }
  return problems.concat(duplicateIds(ids));
}

function where2(dir: string, sub: string, id: string) {
  return `${path.relative(process.cwd(), path.join(dir, sub))}（案例 ${id} 的 data）`;
}
