import path from "node:path";
import { compileLesson } from "@/lib/content/compile";
import { LESSON_COMPONENTS } from "@/lib/content/components";
import { readCourse, readLessonSource, CONTENT_DIR } from "@/lib/content/load";
import { ContentError } from "@/lib/content/problems";
import type { ContentProblem, Course } from "@/lib/content/schema";

const known = new Set<string>(LESSON_COMPONENTS);

/** Capitalised JSX tags that are not lesson components, with their 1-based lines. */
export function unknownComponents(source: string, file: string): ContentProblem[] {
  const problems: ContentProblem[] = [];
  let inFence = false;
  source.split("\n").forEach((line, i) => {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    if (inFence) return;
    for (const match of line.matchAll(/<([A-Z][A-Za-z0-9]*)/g)) {
      if (!known.has(match[1])) {
        problems.push({
          file,
          line: i + 1,
          message: `未知组件 <${match[1]}>：可用组件为 ${LESSON_COMPONENTS.join("、")}（见 content/README.md）`,
        });
      }
    }
  });
  return problems;
}

function duplicateTopics(course: Course): ContentProblem[] {
  const seen = new Map<string, string>();
  const problems: ContentProblem[] = [];
  for (const lesson of course.modules.flatMap((m) => m.lessons)) {
    for (const topic of lesson.topics) {
      const first = seen.get(topic);
      if (first) problems.push({ file: lesson.file, line: 1, message: `主题 ${topic} 已在 ${first} 中使用，每个主题只能属于一课` });
      else seen.set(topic, lesson.file);
    }
  }
  return problems;
}

/** Every problem in the content folder: frontmatter, names, components, MDX syntax. */
export async function checkContent(root: string = CONTENT_DIR): Promise<ContentProblem[]> {
  const { course, problems } = readCourse(root);
  if (course.modules.length === 0) {
    problems.push({ file: path.relative(process.cwd(), root) || root, line: 1, message: "没有找到任何模块" });
  }
  problems.push(...duplicateTopics(course));
  for (const lesson of course.modules.flatMap((m) => m.lessons)) {
    const source = readLessonSource(lesson);
    const unknown = unknownComponents(source, lesson.file);
    problems.push(...unknown);
    if (unknown.length) continue;
    try {
      await compileLesson(source, lesson.file);
    } catch (error) {
      if (error instanceof ContentError) problems.push(...error.problems);
      else throw error;
    }
  }
  return problems;
}
