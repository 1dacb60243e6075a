import { describe, expect, it } from "vitest";
import { COPY_RUN, copiedRuns, deckGrams, deckOverlapProblems } from "@/lib/content/deck-overlap";

const deck = "京东从2004年创立至今，已发展成为中国最大的自营式电商企业之一，目前市场份额超过25%。";

describe("deck overlap", () => {
  it("finds a copied run across punctuation, spaces and lines, with its line", () => {
    const lesson = "# 标题\n\n京东从 2004 年创立至今，已发展成为\n中国最大的自营式电商企业之一。";
    const runs = copiedRuns(lesson, deckGrams(deck));
    expect(runs).toHaveLength(1);
    expect(runs[0].line).toBe(3);
    expect(runs[0].text.length).toBeGreaterThanOrEqual(COPY_RUN);
  });

  it("lets a run one character short of the limit pass", () => {
    const short = [...deck.replace(/[，。%\d]/g, "")].slice(0, COPY_RUN - 1).join("");
    expect(copiedRuns(short, deckGrams(deck))).toEqual([]);
    const exact = [...deck.replace(/[，。%\d]/g, "")].slice(3, 3 + COPY_RUN).join("");
    expect(copiedRuns(exact, deckGrams(deck))).toHaveLength(1);
  });

  it("reports file:line problems", () => {
    const problems = deckOverlapProblems([{ file: "content/x.mdx", source: `a\n${deck}` }], deck);
    expect(problems).toEqual([expect.objectContaining({ file: "content/x.mdx", line: 2 })]);
  });
});
