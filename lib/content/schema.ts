import { z } from "@/lib/zod";

// One schema per content kind. Used by the runtime loader and by `npm run content:check`.

const text = (what: string) => z.string({ error: `${what}必须是文字` }).trim().min(1, `${what}不能为空`);
const positiveInt = (what: string) =>
  z.number({ error: `${what}必须是数字` }).int(`${what}必须是整数`).positive(`${what}必须大于 0`);

export const topicIdSchema = z.string().regex(/^T\d{2}$/, "主题编号格式应为 T01–T51");

export const moduleFileSchema = z
  .object({
    title: text("title（模块标题）"),
    summary: text("summary（模块简介）"),
    objectives: z.array(text("objectives 的每一项")).min(1, "objectives 至少写一条学习目标"),
    order: positiveInt("order"),
    minutes: positiveInt("minutes（预计学习分钟数）"),
  })
  .strict();
export type ModuleFile = z.infer<typeof moduleFileSchema>;

export const lessonFrontmatterSchema = z
  .object({
    title: text("title（课程标题）"),
    order: positiveInt("order"),
    minutes: positiveInt("minutes（预计学习分钟数）"),
    slides: z.array(text("slides 的每一项")).min(1, "slides 至少列出一个源课件页标题"),
    topics: z.array(topicIdSchema).min(1, "topics 至少列出一个主题编号"),
  })
  .strict();
export type LessonFrontmatter = z.infer<typeof lessonFrontmatterSchema>;

/** A content folder or file name: NN-kebab-slug. */
export const ORDERED_NAME = /^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)$/;

export type LessonMeta = LessonFrontmatter & {
  key: string; // "<module-slug>/<lesson-slug>", stable id used by progress
  slug: string;
  moduleSlug: string;
  file: string; // path relative to the repository root
};

export type CourseModule = ModuleFile & {
  slug: string;
  file: string;
  lessons: LessonMeta[];
};

export type Course = { modules: CourseModule[]; wrapUp: LessonMeta[] };

export type ContentProblem = { file: string; line: number; message: string };
