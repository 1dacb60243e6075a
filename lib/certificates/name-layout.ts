// Where the printed name goes on the certificate: one line shrunk to fit, or two lines when one
// would have to be smaller than ONE_LINE_MIN. Pure (the width function comes from the embedded
// font), so the layout of any name is testable without rendering a PDF.

export type NameBox = { maxWidth: number; maxSize: number; oneLineMin: number; minSize: number };
export type NameLayout = { size: number; lines: { text: string; width: number }[] };

/** Width of `text` in points at font size 1; text widths scale linearly with the size. */
export type UnitWidth = (text: string) => number;

const floorHalf = (x: number) => Math.floor(x * 2) / 2;
const graphemes = (text: string) => [...new Intl.Segmenter("zh", { granularity: "grapheme" }).segment(text)].map((s) => s.segment);

/**
 * The split of `text` into two lines whose wider line is narrowest. Latin names break at a space
 * when one is nearly as good as the best break anywhere (a CJK name has no spaces to offer).
 */
function twoLines(text: string, width: UnitWidth): [string, string] {
  const parts = graphemes(text);
  let best: [string, string] = [text, ""];
  let bestWidth = Infinity;
  let bestAtSpace: [string, string] | null = null;
  let bestAtSpaceWidth = Infinity;
  for (let i = 1; i < parts.length; i++) {
    const first = parts.slice(0, i).join("").trimEnd();
    const second = parts.slice(i).join("").trimStart();
    if (!first || !second) continue;
    const wider = Math.max(width(first), width(second));
    if (wider < bestWidth) [best, bestWidth] = [[first, second], wider];
    if (parts[i] === " " && wider < bestAtSpaceWidth) [bestAtSpace, bestAtSpaceWidth] = [[first, second], wider];
  }
  return bestAtSpace && bestAtSpaceWidth <= bestWidth * 1.25 ? bestAtSpace : best;
}

export function layoutName(text: string, width: UnitWidth, box: NameBox): NameLayout {
  const unit = width(text);
  const oneLine = floorHalf(Math.min(box.maxSize, box.maxWidth / unit));
  if (oneLine >= box.oneLineMin || graphemes(text).length < 2) {
    const size = Math.max(oneLine, box.minSize);
    return { size, lines: [{ text, width: unit * size }] };
  }
  const lines = twoLines(text, width);
  const size = Math.max(box.minSize, floorHalf(Math.min(box.maxSize, box.oneLineMin, box.maxWidth / Math.max(...lines.map(width)))));
  return { size, lines: lines.map((line) => ({ text: line, width: width(line) * size })) };
}
