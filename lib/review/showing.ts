import "server-only";
import { randomUUID } from "node:crypto";
import { derivedKey } from "@/lib/auth/server-secret";
import { optionTokens, type OptionTokens } from "@/lib/quiz/option-tokens";
import { publicQuestion, type PublicQuestion } from "@/lib/quiz/public";
import { seededRandom, shuffle } from "@/lib/quiz/random";

// A showing is one appearance of a card in the review session: its own option order and option
// tokens (lib/quiz/option-tokens.ts), made from a random id the page carries to the answer.
// Nothing is stored when a question is shown; the answer names the showing, and a showing is
// answered once (lib/review/queries.ts recordAnswer).

const REVIEW_TOKEN_KEY = derivedKey("review-option-tokens");
type Choice = { id: string; type: "single" | "multiple"; prompt: string; options: { id: string; text: string }[] };

export function showingTokens(userId: string, cardId: string, showingId: string, question: Choice): OptionTokens {
  const ids = question.options.map((o) => o.id);
  return optionTokens(REVIEW_TOKEN_KEY, `review\u0000${userId}\u0000${cardId}\u0000${showingId}`, (key) => (key === question.id ? ids : undefined));
}

/** One showing of a card: the question without key or explanation, options in the showing's order under its tokens. */
export function showingOf(userId: string, cardId: string, showingId: string, question: Choice): PublicQuestion {
  const tokens = showingTokens(userId, cardId, showingId, question);
  const order = shuffle(question.options.map((o) => o.id), seededRandom(showingId));
  return publicQuestion(question, order, (id) => tokens.token(question.id, id));
}

/** A new showing: options reshuffled under fresh tokens. */
export function newShowing(userId: string, cardId: string, question: Choice): { showingId: string; question: PublicQuestion } {
  const showingId = randomUUID();
  return { showingId, question: showingOf(userId, cardId, showingId, question) };
}
