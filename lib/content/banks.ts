import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { CONTENT_DIR } from "@/lib/content/load";
import { ContentError } from "@/lib/content/problems";
import {
  assessmentConfigSchema,
  caseSchema,
  moduleQuizSchema,
  part1FileSchema,
  planPromptSchema,
  type AssessmentConfig,
  type CaseStudy,
  type ModuleQuizSettings,
  type Part1Question,
  type PlanPrompt,
  type QuizQuestion,
} from "@/lib/content/question-schema";
import type { ContentProblem, Course } from "@/lib/content/schema";
import { parseYamlFile } from "@/lib/content/yaml-file";

export const QUIZ_FILE = "quiz.yaml";
export const ASSESSMENT_DIR = "assessment";

/** A bank item with the hash of its content: attempts record it, so later edits are visible. */
export type Versioned<T> = T & { version: string };

export type AssessmentContent = {
  config: AssessmentConfig;
  part1: Versioned<Part1Question>[];
  cases: Versioned<CaseStudy>[];
  prompts: Versioned<PlanPrompt>[];
};

const rel = (p: string) => path.relative(process.cwd(), p) || p;
const version = <T>(item: T): Versioned<T> => ({
  ...item,
  version: createHash("sha256").update(JSON.stringify(item)).digest("hex").slice(0, 16),
});

export function yamlFiles(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".yaml")).sort().map((f) => path.join(dir, f)) : [];
}

type ModuleQuiz = { questions: Versioned<QuizQuestion>[]; settings: ModuleQuizSettings };
const NO_SETTINGS: ModuleQuizSettings = { confidenceMarking: false };

export function readModuleQuiz(moduleDir: string): ModuleQuiz & { problems: ContentProblem[] } {
  const file = path.join(moduleDir, QUIZ_FILE);
  if (!existsSync(file)) return { questions: [], settings: NO_SETTINGS, problems: [{ file: rel(file), line: 1, message: `缺少模块测验文件 ${QUIZ_FILE}` }] };
  const { value, problems } = parseYamlFile(readFileSync(file, "utf8"), rel(file), moduleQuizSchema);
  return { questions: (value?.questions ?? []).map(version), settings: { confidenceMarking: value?.confidenceMarking ?? false }, problems };
}

export function readAssessment(root: string = CONTENT_DIR): { content?: AssessmentContent; problems: ContentProblem[] } {
  const dir = path.join(root, ASSESSMENT_DIR);
  const problems: ContentProblem[] = [];
  const read = <T>(file: string, schema: Parameters<typeof parseYamlFile<T>>[2]) => {
    const parsed = parseYamlFile(readFileSync(file, "utf8"), rel(file), schema);
    problems.push(...parsed.problems);
    return parsed.value;
  };
  const configFile = path.join(dir, "config.yaml");
  if (!existsSync(configFile)) return { problems: [{ file: rel(configFile), line: 1, message: "缺少结业考核配置 config.yaml" }] };
  const config = read(configFile, assessmentConfigSchema);
  const part1 = yamlFiles(path.join(dir, "part1")).flatMap((f) => read(f, part1FileSchema)?.questions ?? []);
  const cases = yamlFiles(path.join(dir, "cases")).flatMap((f) => read(f, caseSchema) ?? []);
  const prompts = yamlFiles(path.join(dir, "prompts")).flatMap((f) => read(f, planPromptSchema) ?? []);
  if (!config) return { problems };
  return { content: { config, part1: part1.map(version), cases: cases.map(version), prompts: prompts.map(version) }, problems };
}

/** Module slug → its folder, for quiz files that sit beside the lessons. */
export function moduleDir(course: Course, moduleSlug: string, root: string = CONTENT_DIR): string | undefined {
  const mod = course.modules.find((m) => m.slug === moduleSlug);
  return mod ? path.join(root, `${String(mod.order).padStart(2, "0")}-${mod.slug}`) : undefined;
}

const quizCache = new Map<string, ModuleQuiz>();
let assessmentCache: AssessmentContent | undefined;
const production = () => process.env.NODE_ENV === "production";

/** The validated quiz file of a module (cached in production, re-read in development). */
function loadModuleQuizFile(course: Course, moduleSlug: string): ModuleQuiz {
  const cached = quizCache.get(moduleSlug);
  if (cached) return cached;
  const dir = moduleDir(course, moduleSlug);
  if (!dir) return { questions: [], settings: NO_SETTINGS };
  const { questions, settings, problems } = readModuleQuiz(dir);
  if (problems.length) throw new ContentError(problems);
  if (production()) quizCache.set(moduleSlug, { questions, settings });
  return { questions, settings };
}

/** The validated questions of a module's quiz. */
export function loadModuleQuiz(course: Course, moduleSlug: string): Versioned<QuizQuestion>[] {
  return loadModuleQuizFile(course, moduleSlug).questions;
}

/** The validated settings of a module's quiz (confidence marking). */
export function loadModuleQuizSettings(course: Course, moduleSlug: string): ModuleQuizSettings {
  return loadModuleQuizFile(course, moduleSlug).settings;
}

export function loadAssessment(): AssessmentContent {
  if (assessmentCache) return assessmentCache;
  const { content, problems } = readAssessment();
  if (problems.length || !content) throw new ContentError(problems);
  if (production()) assessmentCache = content;
  return content;
}
