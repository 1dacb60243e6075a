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

async function compile(source: string, file: string): Promise<CompiledLesson> {
  try {
    const result = await bundleMDX({
      source,
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
    throw new ContentError(
      messages.map((m) => ({ file, line: m.location?.line ?? 1, message: `MDX 语法错误：${m.text}` })),
    );
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
