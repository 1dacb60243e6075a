import { describe, expect, it } from "vitest";
import { replaceSection } from "./report";
import { percentile } from "./stats";

describe("replaceSection", () => {
  const doc = "# Benchmarks\n\nProse.\n";

  it("appends a database's section under a heading the first time", () => {
    expect(replaceSection(doc, "sqlite", "Results: SQLite", "one")).toBe(
      "# Benchmarks\n\nProse.\n\n## Results: SQLite\n\n<!-- bench:sqlite:start -->\none\n<!-- bench:sqlite:end -->\n",
    );
  });

  it("replaces only that database's section afterwards", () => {
    const both = replaceSection(replaceSection(doc, "sqlite", "Results: SQLite", "one"), "postgresql", "Results: PostgreSQL", "pg");
    const again = replaceSection(both, "sqlite", "Results: SQLite", "two");
    expect(again).toContain("<!-- bench:sqlite:start -->\ntwo\n<!-- bench:sqlite:end -->");
    expect(again).toContain("<!-- bench:postgresql:start -->\npg\n<!-- bench:postgresql:end -->");
    expect(again).not.toContain("one");
    expect(again.match(/## Results: SQLite/g)).toHaveLength(1);
  });
});

describe("percentile", () => {
  it("is the nearest-rank value", () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(sorted, 50)).toBe(50);
    expect(percentile(sorted, 99)).toBe(99);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });
});
