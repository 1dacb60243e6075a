import { loadModuleQuiz, readAssessment, type AssessmentContent, type Versioned } from "@/lib/content/banks";
import { loadCourse } from "@/lib/content/load";
import { ContentError } from "@/lib/content/problems";
import type { QuizQuestion } from "@/lib/content/question-schema";
import type { Course } from "@/lib/content/schema";

export const COHORT_DOMAIN = "@cohort.example.com";
export const COHORT_PASSWORD = "cohort123";

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** What every simulated row is drawn against: the real course and its real banks. */
export type CohortContext = {
  seed: string;
  /** All times lie before this instant (the run's start). */
  now: number;
  course: Course;
  quizzes: Versioned<QuizQuestion>[][]; // by module index
  assessment: AssessmentContent;
  trainerIds: string[];
};

export function loadContent(): Pick<CohortContext, "course" | "quizzes" | "assessment"> {
  const course = loadCourse();
  const quizzes = course.modules.map((mod) => loadModuleQuiz(course, mod.slug));
  const { content, problems } = readAssessment();
  if (problems.length || !content) throw new ContentError(problems);
  return { course, quizzes, assessment: content };
}

export const learnerEmail = (index: number, count: number) =>
  `learner${String(index + 1).padStart(Math.max(5, String(count).length), "0")}${COHORT_DOMAIN}`;

export const trainerEmail = (index: number) => `trainer${index + 1}${COHORT_DOMAIN}`;

/** The 部门负责人 of the cohort's company, one per 大区 (scripts/cohort/organisation.ts). */
export const headEmail = (index: number) => `head${index + 1}${COHORT_DOMAIN}`;
