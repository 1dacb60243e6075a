import { createHmac } from "node:crypto";

export { OPTION_TOKEN } from "@/lib/quiz/option-tokens-format";

// What a learner's browser calls an option while answering: an HMAC of the option under a key the
// browser never sees, in one scope (a quiz sitting, an attempt). A token says nothing about the
// option's id or place in the bank, and the same option gets another token in the next scope.

export type OptionTokens = {
  /** The token of one option. */
  token: (questionKey: string, optionId: string) => string;
  /** Option ids → tokens (unknown ids are dropped). */
  encode: (questionKey: string, optionIds: readonly string[]) => string[];
  /** Tokens → option ids of this question; null when any token is not one of its options. */
  decode: (questionKey: string, tokens: readonly string[]) => string[] | null;
};

export function optionToken(key: string, scope: string, questionKey: string, optionId: string): string {
  return createHmac("sha256", key).update(`${scope}\u0000${questionKey}\u0000${optionId}`).digest("base64url").slice(0, 16);
}

/** Tokens of one scope, for questions whose option ids `optionIdsOf(questionKey)` lists. */
export function optionTokens(key: string, scope: string, optionIdsOf: (questionKey: string) => readonly string[] | undefined): OptionTokens {
  const maps = new Map<string, { toToken: Map<string, string>; toId: Map<string, string> }>();
  const mapOf = (questionKey: string) => {
    let map = maps.get(questionKey);
    if (!map) {
      const ids = optionIdsOf(questionKey) ?? [];
      const pairs = ids.map((id) => [id, optionToken(key, scope, questionKey, id)] as const);
      map = { toToken: new Map(pairs), toId: new Map(pairs.map(([id, token]) => [token, id])) };
      maps.set(questionKey, map);
    }
    return map;
  };
  return {
    token: (questionKey, optionId) => optionToken(key, scope, questionKey, optionId),
    encode: (questionKey, optionIds) => {
      const { toToken } = mapOf(questionKey);
      return optionIds.flatMap((id) => (toToken.has(id) ? [toToken.get(id)!] : []));
    },
    decode: (questionKey, tokens) => {
      const { toId } = mapOf(questionKey);
      const ids = tokens.map((token) => toId.get(token));
      return ids.every((id): id is string => id !== undefined) ? [...new Set(ids)] : null;
    },
  };
}
