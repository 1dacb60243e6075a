// The learner pages the front-end measurements open (first-load JS, Lighthouse), signed in as the
// demo learner, each compared with the bare Next.js page of floor.ts.

/** The lesson the page measurements open (key figures, a bar chart, a callout; no calculator). */
export const LESSON_PATH = "/modules/platform-basics/users-and-traffic";

export const LEARNER_PAGES = [
  { label: "course home", path: "/" },
  { label: "lesson", path: LESSON_PATH },
  { label: "module quiz", path: "/modules/platform-basics/quiz" },
] as const;

export type LearnerPage = (typeof LEARNER_PAGES)[number];
