import type { Paper } from "@/lib/assessment/paper";
import { part1Key, part2Key } from "@/lib/assessment/item-keys";
import { PLAN_SECTIONS } from "@/lib/content/question-schema";
import type { OptionTokens } from "@/lib/quiz/option-tokens";
import { publicQuestion, type PublicQuestion } from "@/lib/quiz/public";

// What the learner's browser receives while taking the assessment: questions, the case's data
// and the prompt's targets. No answers, explanations, rubric criteria or guides, and options
// named by this attempt's opaque tokens instead of their ids.
export type PublicPaper = {
  part1: PublicQuestion[];
  case: {
    title: string;
    data: string; // MDX source, compiled and rendered on the server
    questions: ({ kind: "choice"; points: number } & PublicQuestion | { kind: "written"; id: string; prompt: string })[];
  };
  prompt: { title: string; category: string; background: string; targets: string[]; sections: string[] };
};

export function publicPaper(paper: Paper, tokens: OptionTokens): PublicPaper {
  const { study, orders } = paper.case;
  return {
    part1: paper.part1.map(({ question, order }) => publicQuestion(question, order, (id) => tokens.token(part1Key(question.id), id))),
    case: {
      title: study.title,
      data: study.data,
      questions: study.questions.map((q) =>
        q.kind === "choice"
          ? { kind: "choice" as const, points: q.points, ...publicQuestion(q, orders[q.id], (id) => tokens.token(part2Key(q.id), id)) }
          : { kind: "written" as const, id: q.id, prompt: q.prompt },
      ),
    },
    prompt: {
      title: paper.prompt.title,
      category: paper.prompt.category,
      background: paper.prompt.background,
      targets: paper.prompt.targets,
      sections: [...PLAN_SECTIONS],
    },
  };
}
