import { part1Key, part2Key, part3Key } from "@/lib/assessment/item-keys";
import type { PublicPaper } from "@/lib/assessment/public-paper";
import type { AnswerValue } from "@/lib/assessment/schema";

// Which items of a paper the learner has answered, as the attempt page counts them (answered of
// total, the unanswered ones listed by part before submitting). Pure, safe in the browser.

export type PaperItem = { key: string; part: 1 | 2 | 3; number: number; label: string };

export const PART_NAMES = { 1: "第一部分 理论知识测试", 2: "第二部分 实操案例分析", 3: "第三部分 运营方案设计" } as const;

/** Every answer slot in the order the page shows them. */
export function paperItems(paper: PublicPaper): PaperItem[] {
  return [
    ...paper.part1.map((q, i) => ({ key: part1Key(q.id), part: 1 as const, number: i + 1, label: `第 ${i + 1} 题` })),
    ...paper.case.questions.map((q, i) => ({ key: part2Key(q.id), part: 2 as const, number: i + 1, label: `第 ${i + 1} 题` })),
    ...paper.prompt.sections.map((section, i) => ({ key: part3Key(i), part: 3 as const, number: i + 1, label: `${i + 1}. ${section}` })),
  ];
}

/** A choice with at least one option, or text with something other than spaces. */
export const isAnswered = (value: AnswerValue | undefined) => (Array.isArray(value) ? value.length > 0 : typeof value === "string" && value.trim() !== "");

/** The id of an item's element on the attempt page (item keys hold a colon). */
export const itemAnchor = (key: string) => `item-${key.replace(/[^A-Za-z0-9_-]/g, "-")}`;

export function unansweredByPart(items: readonly PaperItem[], answers: Record<string, AnswerValue>): { part: 1 | 2 | 3; items: PaperItem[] }[] {
  return ([1, 2, 3] as const)
    .map((part) => ({ part, items: items.filter((item) => item.part === part && !isAnswered(answers[item.key])) }))
    .filter((group) => group.items.length > 0);
}
