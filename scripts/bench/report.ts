// BENCHMARKS.md keeps one generated results section per database, between markers; a run
// replaces its own database's section and leaves everything else as it was.
import { readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import type { DatabaseKind } from "./env";

const start = (kind: DatabaseKind) => `<!-- bench:${kind}:start -->`;
const end = (kind: DatabaseKind) => `<!-- bench:${kind}:end -->`;

/** The document with `kind`'s section set to `body`; appended under `heading` when it has none yet. */
export function replaceSection(doc: string, kind: DatabaseKind, heading: string, body: string): string {
  const from = doc.indexOf(start(kind));
  const to = doc.indexOf(end(kind));
  const block = `${start(kind)}\n${body.trim()}\n${end(kind)}`;
  if (from !== -1 && to > from) return doc.slice(0, from) + block + doc.slice(to + end(kind).length);
  return `${doc.trimEnd()}\n\n## ${heading}\n\n${block}\n`;
}

export function writeSection(file: string, kind: DatabaseKind, heading: string, body: string) {
  writeFileSync(file, replaceSection(readFileSync(file, "utf8"), kind, heading, body));
}

export type RunInfo = { command: string; database: string; startedAt: Date; loadAverage: number; seconds: number; nextVersion: string };

export function runHeader(info: RunInfo): string {
  const cpus = os.cpus();
  return [
    `- Date: ${info.startedAt.toISOString().replace("T", " ").slice(0, 16)} UTC; the whole run took ${Math.round(info.seconds)} s.`,
    `- Machine: ${cpus[0]?.model.trim() ?? "unknown CPU"}, ${cpus.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB RAM, ` +
      `${os.type()} ${os.release()}; load average ${info.loadAverage.toFixed(2)} when the run started.`,
    `- Software: Node ${process.version}, Next.js ${info.nextVersion} (\`next start\`, production build).`,
    `- Database: ${info.database}.`,
    `- Command: \`${info.command}\``,
  ].join("\n");
}
