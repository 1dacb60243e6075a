import { describe, expect, it } from "vitest";
import { OPTION_TOKEN, optionTokens } from "@/lib/quiz/option-tokens";

const options = (key: string) => (key === "q1" ? ["a", "b", "c", "d"] : key === "q2" ? ["a", "b"] : undefined);

describe("option tokens", () => {
  it("are opaque, well-formed and read back only within their scope", () => {
    const tokens = optionTokens("server-key", "sitting-1", options);
    const shown = tokens.encode("q1", ["a", "b", "c", "d"]);
    expect(shown.every((t) => OPTION_TOKEN.test(t))).toBe(true);
    expect(new Set(shown).size).toBe(4);
    expect(shown.some((t) => /^[a-h]$/.test(t))).toBe(false);
    expect(tokens.decode("q1", [shown[2], shown[0]])).toEqual(["c", "a"]);
    expect(tokens.decode("q1", ["a"])).toBeNull();
    expect(tokens.decode("q2", [shown[0]])).toBeNull();
    expect(tokens.decode("unknown", [shown[0]])).toBeNull();
  });

  it("differ per scope and per key, so a retry or another server cannot reuse them", () => {
    const one = optionTokens("server-key", "sitting-1", options).encode("q1", ["a"]);
    const two = optionTokens("server-key", "sitting-2", options);
    expect(two.encode("q1", ["a"])).not.toEqual(one);
    expect(two.decode("q1", one)).toBeNull();
    expect(optionTokens("other-key", "sitting-1", options).encode("q1", ["a"])).not.toEqual(one);
  });

  it("sort in no relation to the option ids", () => {
    // Over many scopes, the key "a" is the smallest token about a quarter of the time.
    let smallest = 0;
    for (let i = 0; i < 400; i++) {
      const shown = optionTokens("k", `s${i}`, options).encode("q1", ["a", "b", "c", "d"]);
      if ([...shown].sort()[0] === shown[0]) smallest++;
    }
    expect(smallest / 400).toBeGreaterThan(0.15);
    expect(smallest / 400).toBeLessThan(0.35);
  });
});
