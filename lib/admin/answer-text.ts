import type { Paper } from "@/lib/assessment/paper";
import type { AnswerValue } from "@/lib/assessment/schema";
import { PLAN_SECTIONS } from "@/lib/content/question-schema";
import { rubricItems } from "@/lib/assessment/scoring";
import { part1Key, part2Key, part3Key } from "@/lib/assessment/item-keys";

// An attempt as plain text for staff: what each question asked and what the learner answered.
// Rendered as text nodes (never HTML), so a learner's answer cannot inject markup.

/** `correct` only for choice questions. */
export type AnswerLine = { key: string; part: 1 | 2 | 3; prompt: string; answer: string; answered: boolean; correct?: boolean };

const UNANSWERED = "（未作答）";

type Choice = { options: { id: string; text: string }[]; answer: string[] };

function choiceText(q: Choice, order: string[] | undefined, value: AnswerValue | undefined): { answer: string; answered: boolean; correct: boolean } {
  const chosen = Array.isArray(value) ? value : [];
  const shown = order ?? q.options.map((o) => o.id);
  const texts = shown.filter((id) => chosen.includes(id)).map((id) => q.options.find((o) => o.id === id)?.text ?? id);
  const correct = chosen.length === q.answer.length && q.answer.every((id) => chosen.includes(id));
  return { answer: texts.length ? texts.join("；") : UNANSWERED, answered: texts.length > 0, correct };
}

function writtenText(value: AnswerValue | undefined): { answer: string; answered: boolean } {
  const answered = typeof value === "string" && value.trim() !== "";
  return { answer: answered ? (value as string) : UNANSWERED, answered };
}

/** False for a paper snapshot missing a part (hand-made rows, e.g. a load-test seed). */
export function isCompletePaper(paper: Partial<Paper> | null | undefined): paper is Paper {
  return Array.isArray(paper?.part1) && Array.isArray(paper?.case?.study?.questions) && Array.isArray(paper?.prompt?.rubric);
}

export function answerLines(paper: Paper, answers: Record<string, AnswerValue>): AnswerLine[] {
  if (!isCompletePaper(paper)) return [];
  const lines: AnswerLine[] = [];
  paper.part1.forEach(({ question, order }, i) => {
    const key = part1Key(question.id);
    lines.push({ key, part: 1, prompt: `${i + 1}. ${question.prompt}`, ...choiceText(question, order, answers[key]) });
  });
  paper.case.study.questions.forEach((q, i) => {
    const key = part2Key(q.id);
    const prompt = `${i + 1}. ${q.prompt}`;
    if (q.kind === "choice") lines.push({ key, part: 2, prompt, ...choiceText(q, paper.case.orders[q.id], answers[key]) });
    else lines.push({ key, part: 2, prompt, ...writtenText(answers[key]) });
  });
  PLAN_SECTIONS.forEach((section, i) => {
    const key = part3Key(i);
    lines.push({ key, part: 3, prompt: section, ...writtenText(answers[key]) });
  });
  return lines;
}

export type GradeLine = { key: string; part: 2 | 3; criterion: string; max: number; points: number | null; comment: string };

/** Every rubric criterion of the paper with the grader's points and comment (null = not scored yet). */
export function gradeLines(paper: Paper, scores: Record<string, { points: number; comment: string }>): GradeLine[] {
  if (!isCompletePaper(paper)) return [];
  return rubricItems(paper).map(({ key, part, criterion, max }) => ({
    key,
    part,
    criterion,
    max,
    points: scores[key]?.points ?? null,
    comment: scores[key]?.comment ?? "",
  }));
}
