import type { AssessmentContent, Versioned } from "@/lib/content/banks";
import { AREAS, PLAN_SECTIONS, type CaseStudy, type Part1Question, type PlanPrompt } from "@/lib/content/question-schema";
import { part1Key, part2Key, part3Key } from "@/lib/assessment/item-keys";
import { seededRandom, shuffle } from "@/lib/quiz/random";

/**
 * The drawn paper of one attempt, snapshotted in the database with keys and rubrics. Server
 * only: learners receive `publicPaper()` of it.
 */
export type Paper = {
  part1: { question: Versioned<Part1Question>; order: string[] }[];
  case: { study: Versioned<CaseStudy>; orders: Record<string, string[]> };
  prompt: Versioned<PlanPrompt>;
};

/** Reproducible from the stored seed: the same seed and bank always give the same paper. */
export function drawPaper(content: AssessmentContent, seed: string): Paper {
  const random = seededRandom(seed);
  const optionOrder = (q: { options: { id: string }[] }) => shuffle(q.options.map((o) => o.id), random);
  const part1 = AREAS.flatMap((area) =>
    shuffle(content.part1.filter((q) => q.area === area), random).slice(0, content.config.part1Draw[area] ?? 0),
  );
  const study = content.cases[Math.floor(random() * content.cases.length)];
  const orders: Record<string, string[]> = {};
  for (const q of study.questions) if (q.kind === "choice") orders[q.id] = optionOrder(q);
  const prompt = content.prompts[Math.floor(random() * content.prompts.length)];
  return {
    part1: shuffle(part1, random).map((question) => ({ question, order: optionOrder(question) })),
    case: { study, orders },
    prompt,
  };
}

export type AnswerSlot = { kind: "choice"; options: string[]; multiple: boolean } | { kind: "text" };

/** Every answer slot of a paper: its item key and what kind of value it takes. */
export function answerSlots(paper: Paper): Map<string, AnswerSlot> {
  const slots = new Map<string, AnswerSlot>();
  for (const { question } of paper.part1) {
    slots.set(part1Key(question.id), { kind: "choice", options: question.options.map((o) => o.id), multiple: question.type === "multiple" });
  }
  for (const q of paper.case.study.questions) {
    slots.set(part2Key(q.id), q.kind === "choice" ? { kind: "choice", options: q.options.map((o) => o.id), multiple: q.type === "multiple" } : { kind: "text" });
  }
  PLAN_SECTIONS.forEach((_, i) => slots.set(part3Key(i), { kind: "text" }));
  return slots;
}
