import { LineCounter, parseDocument } from "yaml";
import type { z } from "zod";
import type { ContentProblem } from "@/lib/content/schema";

/** Parses a YAML file with a zod schema; every problem carries the line of the offending value. */
export function parseYamlFile<T>(source: string, file: string, schema: z.ZodType<T>): { value?: T; problems: ContentProblem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter });
  if (doc.errors.length) {
    return {
      problems: doc.errors.map((e) => ({ file, line: e.linePos?.[0].line ?? 1, message: `YAML 格式错误：${e.message.split("\n")[0]}` })),
    };
  }
  const result = schema.safeParse(doc.toJS() ?? {});
  if (result.success) return { value: result.data, problems: [] };

  const lineOf = (path: PropertyKey[]) => {
    for (let p = path; p.length; p = p.slice(0, -1)) {
      const node = doc.getIn(p as (string | number)[], true) as { range?: [number, number, number] } | undefined;
      if (node?.range) return lineCounter.linePos(node.range[0]).line;
    }
    return 1;
  };
  return {
    problems: result.error.issues.map((issue) => {
      const keyPath = issue.code === "unrecognized_keys" ? [...issue.path, issue.keys[0]] : issue.path;
      const message = issue.code === "unrecognized_keys" ? `未知字段：${issue.keys.join("、")}` : issue.message;
      const where = issue.path.length ? `${issue.path.join(".")}: ` : "";
      return { file, line: lineOf(keyPath), message: `${where}${message}` };
    }),
  };
}
