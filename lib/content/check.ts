import fs from "node:fs";
import path from "node:path";
import { checkBanks } from "@/lib/content/check-banks";
import { deckOverlapProblems, readDeck } from "@/lib/content/deck-overlap";
import { compileLesson } from "@/lib/content/compile";
import { copywritingProblems } from "@/lib/content/copywriting";
import { CONTENT_DIR, readCourse, readLessonSource } from "@/lib/content/load";
import { lessonHref, moduleHref, wrapUpHref } from "@/lib/content/navigation";
import { ContentError, lineOfKey } from "@/lib/content/problems";
import type { ContentProblem, Course, LessonMeta } from "@/lib/content/schema";
import { brokenInternalLinks, missingAltText, unknownComponents } from "@/lib/content/source-rules";
import { TOPIC_IDS, WRAP_UP_TOPICS } from "@/lib/content/topics";
import { workedExampleProblems } from "@/lib/worked/check";

export { unknownComponents } from "@/lib/content/source-rules";

function topicProblems(course: Course, sources: Map<LessonMeta, string>, root: string): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const owner = new Map<string, string>();
  const check = (lesson: LessonMeta, wrapUp: boolean) => {
    const line = lineOfKey(sources.get(lesson) ?? "", "topics");
    for (const topic of lesson.topics) {
      const first = owner.get(topic);
      if (!TOPIC_IDS.includes(topic)) problems.push({ file: lesson.file, line, message: `未知主题 ${topic}：主题编号为 T01–T51（见 facts.md）` });
      else if (first) problems.push({ file: lesson.file, line, message: `主题 ${topic} 已在 ${first} 中使用，每个主题只能属于一课` });
      else if (WRAP_UP_TOPICS.includes(topic) !== wrapUp) {
        problems.push({ file: lesson.file, line, message: `主题 ${topic} ${wrapUp ? "应放在模块课程中" : "属于结业页（content/wrap-up）"}` });
      }
      owner.set(topic, lesson.file);
    }
  };
  course.modules.flatMap((m) => m.lessons).forEach((lesson) => check(lesson, false));
  course.wrapUp.forEach((lesson) => check(lesson, true));
  // Coverage is only required of the real course, not of a partial folder being tried out.
  if (root === CONTENT_DIR) {
    const missing = TOPIC_IDS.filter((topic) => !owner.has(topic));
    if (missing.length) problems.push({ file: "content", line: 1, message: `以下主题还没有任何课程覆盖：${missing.join("、")}` });
  }
  return problems;
}

/** Every lesson and bank file under the content folder, with its source. */
function textFiles(root: string): { file: string; source: string }[] {
  return (fs.readdirSync(root, { recursive: true }) as string[])
    .filter((name) => /\.(mdx|ya?ml)$/.test(name))
    .sort()
    .map((name) => ({ file: path.relative(process.cwd(), path.join(root, name)), source: fs.readFileSync(path.join(root, name), "utf8") }));
}

/** Lessons and banks must not copy the deck; checked wherever the deck sits beside the checkout. */
function copiedFromDeck(root: string, files: { file: string; source: string }[]): ContentProblem[] {
  const deck = readDeck();
  if (!deck || root !== CONTENT_DIR) return [];
  return deckOverlapProblems(files, deck);
}

/** Every problem in the content folder: frontmatter, names, topics, components, links, MDX syntax. */
export async function checkContent(root: string = CONTENT_DIR): Promise<ContentProblem[]> {
  const { course, problems } = readCourse(root);
  if (course.modules.length === 0) {
    problems.push({ file: path.relative(process.cwd(), root) || root, line: 1, message: "没有找到任何模块" });
  }
  const pages = [...course.modules.flatMap((m) => m.lessons), ...course.wrapUp];
  const sources = new Map(pages.map((lesson) => [lesson, readLessonSource(lesson)]));
  const targets = new Map<string, string | undefined>([["/", undefined], ["/progress", undefined], ["/search", undefined]]);
  course.modules.forEach((mod) => targets.set(moduleHref(mod), undefined));
  pages.forEach((lesson) =>
    targets.set(lesson.moduleSlug === "wrap-up" ? wrapUpHref(lesson) : lessonHref(lesson), sources.get(lesson)),
  );

  problems.push(...topicProblems(course, sources, root));
  for (const lesson of pages) {
    const source = sources.get(lesson)!;
    const unknown = unknownComponents(source, lesson.file);
    problems.push(...unknown, ...missingAltText(source, lesson.file), ...brokenInternalLinks(source, lesson.file, targets));
    if (unknown.length) continue;
    problems.push(...workedExampleProblems(source, lesson.file));
    try {
      await compileLesson(source, lesson.file);
    } catch (error) {
      if (error instanceof ContentError) problems.push(...error.problems);
      else throw error;
    }
  }
  problems.push(...(await checkBanks(course, root)));
  const files = textFiles(root);
  problems.push(...copiedFromDeck(root, files));
  problems.push(...files.flatMap(({ file, source }) => copywritingProblems(file, source)));
  return problems;
}
