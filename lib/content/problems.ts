import type { ContentProblem } from "@/lib/content/schema";

export class ContentError extends Error {
  constructor(readonly problems: ContentProblem[]) {
    super(`课程内容有 ${problems.length} 个问题：\n${problems.map(formatProblem).join("\n")}`);
    this.name = "ContentError";
  }
}

export function formatProblem(p: ContentProblem): string {
  return `${p.file}:${p.line}: ${p.message}`;
}

/** 1-based line of `key:` inside a YAML block starting at `firstLine`; 1 if not found. */
export function lineOfKey(source: string, key: string | number | undefined, firstLine = 1): number {
  if (typeof key !== "string") return firstLine;
  const lines = source.split("\n");
  const index = lines.findIndex((line) => line.startsWith(`${key}:`));
  return index === -1 ? firstLine : index + 1;
}
