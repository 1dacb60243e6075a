import "server-only";
import { randomUUID } from "node:crypto";
import type { Versioned } from "@/lib/content/banks";
import type { QuizQuestion } from "@/lib/content/question-schema";
import { derivedKey } from "@/lib/auth/server-secret";
import { optionTokens, type OptionTokens } from "@/lib/quiz/option-tokens";
import { publicQuestion, type PublicQuestion } from "@/lib/quiz/public";
import { seededRandom, shuffle } from "@/lib/quiz/random";

// A sitting is one showing of a module quiz: its own option order and option tokens, made from a
// random id that the page carries to the submission. Nothing is stored until the learner submits;
// the tokens are an HMAC under the installation's secret, so only this server can make or read them.

type Questions = readonly Versioned<QuizQuestion>[];

const QUIZ_TOKEN_KEY = derivedKey("quiz-option-tokens");

export function sittingTokens(userId: string, moduleSlug: string, sittingId: string, questions: Questions): OptionTokens {
  const byId = new Map(questions.map((q) => [q.id, q.options.map((o) => o.id)]));
  return optionTokens(QUIZ_TOKEN_KEY, `quiz\u0000${userId}\u0000${moduleSlug}\u0000${sittingId}`, (id) => byId.get(id));
}

/** A new sitting: every question with its options reshuffled and named by fresh tokens. */
export function newSitting(userId: string, moduleSlug: string, questions: Questions): { sittingId: string; questions: PublicQuestion[] } {
  const sittingId = randomUUID();
  const tokens = sittingTokens(userId, moduleSlug, sittingId, questions);
  const random = seededRandom(sittingId);
  return {
    sittingId,
    questions: questions.map((q) => publicQuestion(q, shuffle(q.options.map((o) => o.id), random), (id) => tokens.token(q.id, id))),
  };
}
