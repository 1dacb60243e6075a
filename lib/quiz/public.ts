// What a learner's browser may receive about a question before their submission: no answer,
// no explanation, no lesson hint, and no option ids (they would tell the key's position in the
// bank): each option is named by an opaque token of the sitting (lib/quiz/option-tokens.ts).
// Every page that shows questions to learners goes through this.

export type PublicOption = { id: string; text: string };
export type PublicQuestion = { id: string; type: "single" | "multiple"; prompt: string; options: PublicOption[] };

type ChoiceLike = { id: string; type: "single" | "multiple"; prompt: string; options: { id: string; text: string }[] };

/** The question with its options in `order` (option ids), each named by `tokenOf(optionId)`. */
export function publicQuestion(question: ChoiceLike, order: readonly string[], tokenOf: (optionId: string) => string): PublicQuestion {
  const byId = new Map(question.options.map((o) => [o.id, o]));
  const options = order.flatMap((id) => (byId.has(id) ? [{ id: tokenOf(id), text: byId.get(id)!.text }] : []));
  return { id: question.id, type: question.type, prompt: question.prompt, options };
}
