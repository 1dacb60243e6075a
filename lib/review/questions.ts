import "server-only";
import type { Versioned } from "@/lib/content/banks";
import { loadAssessment, loadModuleQuiz } from "@/lib/content/banks";
import { loadCourse } from "@/lib/content/load";
import { findModule, lessonHref, wrapUpHref } from "@/lib/content/navigation";
import type { Part1Question, QuizQuestion } from "@/lib/content/question-schema";
import type { Course, LessonMeta } from "@/lib/content/schema";

// What a card's question key names: a module-quiz question ("quiz:<module>:<id>") or a 理论知识测试
// question ("part1:<id>"), with the lesson it tests. Keys and explanations are read here, on the
// server; the session page sends only the public projection before the learner answers.

export type ReviewQuestion = Versioned<QuizQuestion | Part1Question> & {
  key: string;
  moduleSlug: string;
  moduleTitle: string;
  lessonKey: string;
  lessonTitle: string;
  lessonHref: string;
  source: "quiz" | "part1";
};

export const WRAP_UP = "wrap-up";
export const quizQuestionKey = (moduleSlug: string, questionId: string) => `quiz:${moduleSlug}:${questionId}`;
export const part1QuestionKey = (questionId: string) => `part1:${questionId}`;

function lessonOfTopic(course: Course, topic: string): { lesson: LessonMeta; moduleSlug: string; moduleTitle: string } | null {
  for (const mod of course.modules) {
    const lesson = mod.lessons.find((l) => l.topics.includes(topic));
    if (lesson) return { lesson, moduleSlug: mod.slug, moduleTitle: mod.title };
  }
  const page = course.wrapUp.find((l) => l.topics.includes(topic));
  return page ? { lesson: page, moduleSlug: WRAP_UP, moduleTitle: "课程结业" } : null;
}

/** The question a key names as the banks hold it now, or null (removed from the bank since). */
export function reviewQuestion(key: string, course: Course = loadCourse()): ReviewQuestion | null {
  const [source, a, b] = key.split(":");
  if (source === "quiz" && a && b) {
    const mod = findModule(course, a);
    const question = mod ? loadModuleQuiz(course, mod.slug).find((q) => q.id === b) : undefined;
    const lesson = mod?.lessons.find((l) => l.slug === question?.lesson);
    if (!mod || !question || !lesson) return null;
    return { ...question, key, source: "quiz", moduleSlug: mod.slug, moduleTitle: mod.title, lessonKey: lesson.key, lessonTitle: lesson.title, lessonHref: lessonHref(lesson) };
  }
  if (source === "part1" && a && !b) {
    const question = loadAssessment().part1.find((q) => q.id === a);
    const place = question ? lessonOfTopic(course, question.topic) : null;
    if (!question || !place) return null;
    const href = place.moduleSlug === WRAP_UP ? wrapUpHref(place.lesson) : lessonHref(place.lesson);
    return { ...question, key, source: "part1", moduleSlug: place.moduleSlug, moduleTitle: place.moduleTitle, lessonKey: `${place.moduleSlug}/${place.lesson.slug}`, lessonTitle: place.lesson.title, lessonHref: href };
  }
  return null;
}
