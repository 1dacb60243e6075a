// Measures the JavaScript a phone downloads to open a lesson page: every <script src> in the
// server-rendered HTML, gzip-compressed as a server would send it.
import { gzipSync } from "node:zlib";

export type ScriptSize = { src: string; raw: number; gzip: number };

export async function firstLoadJs(baseUrl: string, path: string, cookie: string) {
  const html = await (await fetch(new URL(path, baseUrl), { headers: { cookie } })).text();
  // noModule scripts are polyfills that modern browsers never download.
  const sources = [...html.matchAll(/<script([^>]*)\ssrc="([^"]+)"([^>]*)>/g)]
    .filter((m) => !/nomodule/i.test(m[1] + m[3]))
    .map((m) => m[2]);
  const scripts: ScriptSize[] = [];
  for (const src of new Set(sources)) {
    const body = Buffer.from(await (await fetch(new URL(src, baseUrl))).arrayBuffer());
    scripts.push({ src, raw: body.length, gzip: gzipSync(body, { level: 9 }).length });
  }
  const total = scripts.reduce((sum, s) => ({ raw: sum.raw + s.raw, gzip: sum.gzip + s.gzip }), { raw: 0, gzip: 0 });
  return { scripts, total };
}
