// What a learner's browser may receive about a question before their submission: no answer,
// no explanation, no lesson hint. Every page that shows questions to learners goes through this.

export type PublicOption = { id: string; text: string };
export type PublicQuestion = { id: string; type: "single" | "multiple"; prompt: string; options: PublicOption[] };

type ChoiceLike = PublicQuestion & { answer: string[] };

/** The question with its options in `order` (option ids), keys stripped. */
export function publicQuestion(question: ChoiceLike, order?: string[]): PublicQuestion {
  const byId = new Map(question.options.map((o) => [o.id, o]));
  const options = (order ?? question.options.map((o) => o.id)).map((id) => byId.get(id)!).filter(Boolean);
  return { id: question.id, type: question.type, prompt: question.prompt, options: options.map(({ id, text }) => ({ id, text })) };
}
