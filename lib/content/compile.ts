import { createHash } from "node:crypto";
import { bundleMDX } from "mdx-bundler";
import rehypeSlug from "rehype-slug";
import remarkGfm from "remark-gfm";
import { extractHeadings, type Heading } from "@/lib/content/headings";
import { ContentError } from "@/lib/content/problems";

export type CompiledLesson = { code: string; headings: Heading[] };

// Keyed by content hash: an unchanged lesson is compiled once per process, an edited one again.
const cache = new Map<string, Promise<CompiledLesson>>();

type EsbuildMessage = { text: string; location?: { line: number } | null };

// The MDX plugin reports positions inside the text ("… (13:1-13:21)" or "13:1: …"), in lines
// of the whole file; esbuild's own location points at its virtual entry file.
function mdxErrorLine(message: EsbuildMessage): number {
  const range = /\((\d+):\d+-\d+:\d+\)/.exec(message.text) ?? /^(\d+):\d+/.exec(message.text);
  const line = range ? Number(range[1]) : (message.location?.line ?? 1);
  return Math.max(line, 1);
}

async function compile(source: string, file: string): Promise<CompiledLesson> {
  try {
    const result = await bundleMDX({
      source,
      esbuildOptions: (options) => ({ ...options, logLevel: "silent" }),
      mdxOptions(options) {
        options.remarkPlugins = [...(options.remarkPlugins ?? []), remarkGfm];
        options.rehypePlugins = [...(options.rehypePlugins ?? []), rehypeSlug];
        return options;
      },
    });
    return { code: result.code, headings: extractHeadings(result.matter.content) };
  } catch (error) {
    const messages = (error as { errors?: EsbuildMessage[] }).errors ?? [];
    if (!messages.length) {
      throw new ContentError([{ file, line: 1, message: `MDX 编译失败：${(error as Error).message}` }]);
    }
    throw new ContentError(messages.map((m) => ({ file, line: mdxErrorLine(m), message: `MDX 语法错误：${m.text}` })));
  }
}

export function compileLesson(source: string, file: string): Promise<CompiledLesson> {
  const key = createHash("sha256").update(source).digest("hex");
  let compiled = cache.get(key);
  if (!compiled) {
    compiled = compile(source, file);
    compiled.catch(() => cache.delete(key));
    cache.set(key, compiled);
  }
  return compiled;
}
