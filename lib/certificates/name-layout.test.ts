import { describe, expect, it } from "vitest";
import { layoutName, type NameBox } from "./name-layout";

// A font whose CJK characters are 1 em wide and everything else half an em (like Noto Sans SC).
const width = (text: string) => [...text].reduce((sum, ch) => sum + (/[\u2e80-\u9fff\u{20000}-\u{3ffff}]/u.test(ch) ? 1 : 0.5), 0);
const box: NameBox = { maxWidth: 640, maxSize: 34, oneLineMin: 22, minSize: 12 };

describe("layoutName", () => {
  it("keeps a short name on one line at full size", () => {
    expect(layoutName("欧阳晓明", width, box)).toEqual({ size: 34, lines: [{ text: "欧阳晓明", width: 4 * 34 }] });
  });

  it("shrinks a longer name on one line, in half points, until it fits", () => {
    const layout = layoutName("龘".repeat(24), width, box);
    expect(layout.size).toBe(26.5);
    expect(layout.lines).toHaveLength(1);
    expect(layout.lines[0]!.width).toBeLessThanOrEqual(box.maxWidth);
  });

  it("wraps 30 and 50 wide characters to two balanced lines within the box", () => {
    for (const n of [30, 50]) {
      const layout = layoutName("龘".repeat(n), width, box);
      expect(layout.lines.map((l) => [...l.text].length)).toEqual([n / 2, n / 2]);
      expect(layout.size).toBeGreaterThanOrEqual(box.minSize);
      for (const line of layout.lines) expect(line.width).toBeLessThanOrEqual(box.maxWidth);
    }
  });

  it("breaks a Latin name at a space and never splits a combined character", () => {
    const name = "Maximilian Alexander Konstantin Wolfgang von Hohenzollern-Sigmaringen Jr.";
    const layout = layoutName(name, width, { ...box, maxWidth: 400 });
    expect(layout.lines.map((l) => l.text).join(" ")).toBe(name);
    for (const line of layout.lines) expect(line.width).toBeLessThanOrEqual(400);
    const accented = "e\u0301".repeat(60);
    const split = layoutName(accented, width, { ...box, maxWidth: 300 });
    expect(split.lines.every((l) => !l.text.startsWith("\u0301"))).toBe(true);
  });
});
