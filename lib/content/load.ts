import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import matter from "gray-matter";
import { parse as parseYaml, YAMLParseError } from "yaml";
import type { ZodError } from "zod";
import { ContentError, lineOfKey } from "@/lib/content/problems";
import {
  lessonFrontmatterSchema,
  moduleFileSchema,
  ORDERED_NAME,
  type ContentProblem,
  type Course,
  type CourseModule,
  type LessonMeta,
} from "@/lib/content/schema";

export const CONTENT_DIR = path.join(/*turbopackIgnore: true*/ process.cwd(), "content");
const MODULE_FILE = "module.yaml";
/** Closing pages (课程总结, 路线图): read like lessons, not counted as course progress. */
export const WRAP_UP_DIR = "wrap-up";

type Parsed<T> = { value?: T; problems: ContentProblem[] };

function zodProblems(error: ZodError, file: string, source: string, firstLine: number) {
  return error.issues.map((issue) => {
    if (issue.code === "unrecognized_keys") {
      const line = lineOfKey(source, issue.keys[0]) + firstLine - 1;
      return { file, line, message: `未知字段：${issue.keys.join("、")}（允许的字段见 content/README.md）` };
    }
    const key = issue.path[0];
    const line = lineOfKey(source, typeof key === "string" ? key : undefined) + firstLine - 1;
    // Top-level messages name their field already; nested ones need the path (objectives.2).
    const where = issue.path.length > 1 ? `${issue.path.join(".")}: ` : "";
    return { file, line, message: `${where}${issue.message}` };
  });
}

function parseModuleFile(file: string, source: string): Parsed<CourseModule> {
  let data: unknown;
  try {
    data = parseYaml(source);
  } catch (error) {
    const line = error instanceof YAMLParseError ? (error.linePos?.[0].line ?? 1) : 1;
    return { problems: [{ file, line, message: `YAML 格式错误：${(error as Error).message.split("\n")[0]}` }] };
  }
  const result = moduleFileSchema.safeParse(data ?? {});
  if (!result.success) return { problems: zodProblems(result.error, file, source, 1) };
  return { value: { ...result.data, slug: "", file, lessons: [] }, problems: [] };
}

function parseLessonFile(file: string, source: string): Parsed<LessonMeta> {
  if (!source.startsWith("---")) {
    return { problems: [{ file, line: 1, message: "课程文件必须以 --- 开头的 frontmatter 开始" }] };
  }
  let data: unknown;
  try {
    data = matter(source).data;
  } catch (error) {
    const mark = (error as { mark?: { line?: number } }).mark;
    const line = (mark?.line ?? 0) + 2;
    return { problems: [{ file, line, message: `frontmatter 格式错误：${(error as Error).message.split("\n")[0]}` }] };
  }
  const result = lessonFrontmatterSchema.safeParse(data);
  if (!result.success) return { problems: zodProblems(result.error, file, source, 1) };
  return { value: { ...result.data, key: "", slug: "", moduleSlug: "", file }, problems: [] };
}

function listDir(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}

const rel = (p: string) => path.relative(process.cwd(), p) || p;

/** The NN-slug.mdx lessons of one folder, sorted by order. */
function readLessons(dir: string, moduleSlug: string, problems: ContentProblem[], skip: string[] = []) {
  const lessons: LessonMeta[] = [];
  for (const fileName of listDir(dir)) {
    if (skip.includes(fileName)) continue;
    const file = rel(path.join(dir, fileName));
    const lessonName = ORDERED_NAME.exec(fileName.replace(/\.mdx$/, ""));
    if (!fileName.endsWith(".mdx") || !lessonName) {
      problems.push({ file, line: 1, message: "课程文件应命名为 NN-英文短名.mdx，例如 01-jd-overview.mdx" });
      continue;
    }
    const [, lessonOrder, lessonSlug] = lessonName;
    const source = readFileSync(path.join(dir, fileName), "utf8");
    const parsed = parseLessonFile(file, source);
    problems.push(...parsed.problems);
    if (!parsed.value) continue;
    if (parsed.value.order !== Number(lessonOrder)) {
      problems.push({ file, line: lineOfKey(source, "order"), message: `order 应与文件名编号一致（${Number(lessonOrder)}）` });
    }
    lessons.push({ ...parsed.value, slug: lessonSlug, moduleSlug, key: `${moduleSlug}/${lessonSlug}` });
  }
  return lessons.sort((a, b) => a.order - b.order);
}

function readModule(dir: string, dirName: string, problems: ContentProblem[]): CourseModule | undefined {
  const name = ORDERED_NAME.exec(dirName);
  if (!name) {
    problems.push({ file: rel(dir), line: 1, message: `模块文件夹应命名为 NN-英文短名（例如 01-platform-basics），或为 ${WRAP_UP_DIR}` });
    return undefined;
  }
  const [, order, slug] = name;
  const moduleFile = path.join(dir, MODULE_FILE);
  let moduleSource: string;
  try {
    moduleSource = readFileSync(moduleFile, "utf8");
  } catch {
    problems.push({ file: rel(moduleFile), line: 1, message: `缺少模块文件 ${MODULE_FILE}` });
    return undefined;
  }
  const parsedModule = parseModuleFile(rel(moduleFile), moduleSource);
  problems.push(...parsedModule.problems);
  if (!parsedModule.value) return undefined;
  if (parsedModule.value.order !== Number(order)) {
    problems.push({ file: rel(moduleFile), line: lineOfKey(moduleSource, "order"), message: `order 应与文件夹编号一致（${Number(order)}）` });
  }
  return { ...parsedModule.value, slug, lessons: readLessons(dir, slug, problems, [MODULE_FILE, "quiz.yaml"]) };
}

/** Reads and validates every module, lesson and wrap-up file; never throws on bad content. */
export function readCourse(root: string = CONTENT_DIR): { course: Course; problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  const modules: CourseModule[] = [];
  let wrapUp: LessonMeta[] = [];
  for (const dirName of listDir(root)) {
    const dir = path.join(root, dirName);
    if (!statSync(dir).isDirectory()) continue;
    if (dirName === "assessment") continue; // question banks: lib/content/banks.ts
    if (dirName === WRAP_UP_DIR) {
      wrapUp = readLessons(dir, WRAP_UP_DIR, problems);
      continue;
    }
    const mod = readModule(dir, dirName, problems);
    if (mod) modules.push(mod);
  }
  modules.sort((a, b) => a.order - b.order);
  return { course: { modules, wrapUp }, problems };
}

let cached: Course | undefined;

/**
 * The validated course. Content is checked at build, so production reads it once;
 * development re-reads it on every request so an edited lesson shows on reload.
 */
export function loadCourse(): Course {
  if (cached) return cached;
  const { course, problems } = readCourse();
  if (problems.length) throw new ContentError(problems);
  if (process.env.NODE_ENV === "production") cached = course;
  return course;
}

export function readLessonSource(lesson: Pick<LessonMeta, "file">): string {
  // Content is read at run time from the checkout, not traced into the server bundle.
  return readFileSync(path.join(/*turbopackIgnore: true*/ process.cwd(), lesson.file), "utf8");
}
