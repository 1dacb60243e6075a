// The framework floor: a bare Next.js App Router page (a layout, a heading, one client component
// holding a useState counter) built with this project's own node_modules, so the same Next.js,
// React and bundler defaults as ours, in a temporary folder, served by `next start` on its own
// port. The front-end measurements report our pages beside it: what the framework costs on this
// machine, at this moment, is not the app's to remove.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { FLOOR_PORT } from "./env";

/** The bare app's page and state route, and where its page is served as a static file. */
export const FLOOR_PAGE_PATH = "/";
export const FLOOR_STATE_PATH = "/api/state";
export const FLOOR_STATIC_PATH = "/bench/page.html";
const FLOOR_STATIC_FILE = `public${FLOOR_STATIC_PATH}`;

export type Floor = {
  base: string;
  /** The bare page's HTML as a static file: written by a measurement, listed by next start at its start */
  staticFile: string;
  /** e.g. "16.4.6 (Turbopack)", from `next build`'s own first line */
  nextBuild: string;
  buildSeconds: number;
  stop(): Promise<void>;
};

/** The deepest folder containing both paths ("/" at worst). */
export function commonAncestor(a: string, b: string): string {
  const pa = path.resolve(a).split(path.sep);
  const pb = path.resolve(b).split(path.sep);
  let i = 0;
  while (i < pa.length && i < pb.length && pa[i] === pb[i]) i++;
  return pa.slice(0, i).join(path.sep) || path.sep;
}

/** The bare app's files by relative path. */
export function floorFiles(turbopackRoot: string): Record<string, string> {
  return {
    "package.json": JSON.stringify({ name: "bench-floor", private: true }, null, 2),
    // Turbopack compiles nothing outside its root (by default the app's own folder); the
    // symlinked node_modules resolves into the project, so the root must contain both.
    "next.config.mjs": `export default { turbopack: { root: ${JSON.stringify(turbopackRoot)} } };\n`,
    // What `next build` would write itself, written here so that the build does not stop to say so.
    "tsconfig.json": JSON.stringify(
      {
        compilerOptions: {
          target: "ES2017",
          lib: ["dom", "dom.iterable", "esnext"],
          allowJs: true,
          skipLibCheck: true,
          strict: true,
          noEmit: true,
          esModuleInterop: true,
          module: "esnext",
          moduleResolution: "bundler",
          resolveJsonModule: true,
          isolatedModules: true,
          jsx: "react-jsx",
          incremental: true,
          plugins: [{ name: "next" }],
        },
        include: ["next-env.d.ts", "**/*.ts", "**/*.tsx", ".next/types/**/*.ts"],
        exclude: ["node_modules"],
      },
      null,
      2,
    ),
    "app/layout.tsx": [
      `import type { Metadata } from "next";`,
      `export const metadata: Metadata = { title: "框架基线" };`,
      `export default function RootLayout({ children }: { children: React.ReactNode }) {`,
      `  return (`,
      `    <html lang="zh-CN">`,
      `      <body>{children}</body>`,
      `    </html>`,
      `  );`,
      `}`,
      ``,
    ].join("\n"),
    "app/page.tsx": [
      `import { Counter } from "./counter";`,
      `export default function Page() {`,
      `  return (`,
      `    <main>`,
      `      <h1>框架基线</h1>`,
      `      <Counter />`,
      `    </main>`,
      `  );`,
      `}`,
      ``,
    ].join("\n"),
    // The floor of a per-learner state request: a dynamic route handler answering a little JSON.
    "app/api/state/route.ts": [
      `export const dynamic = "force-dynamic";`,
      `export function GET(request: Request) {`,
      `  const signedIn = (request.headers.get("cookie") ?? "").length > 0;`,
      `  return Response.json({ signedIn, completed: [] }, { headers: { "Cache-Control": "private, no-store" } });`,
      `}`,
      ``,
    ].join("\n"),
    // next start lists public/ when it starts; a measurement overwrites this with the page's HTML.
    [FLOOR_STATIC_FILE]: "<!doctype html><title>floor placeholder</title>\n",
    "app/counter.tsx": [
      `"use client";`,
      `import { useState } from "react";`,
      `export function Counter() {`,
      `  const [count, setCount] = useState(0);`,
      `  return (`,
      `    <button type="button" onClick={() => setCount(count + 1)}>`,
      `      点击 {count}`,
      `    </button>`,
      `  );`,
      `}`,
      ``,
    ].join("\n"),
  };
}

/** Writes, builds and serves the bare app; `stop()` stops the server and removes the folder. */
export async function startFloor(log: (line: string) => void): Promise<Floor> {
  const nodeModules = realpathSync(path.resolve("node_modules"));
  const nextBin = path.join(nodeModules, "next", "dist", "bin", "next");
  const dir = realpathSync(mkdtempSync(path.join(os.tmpdir(), "bench-floor-")));
  const remove = () => {
    unlinkSync(path.join(dir, "node_modules")); // the link only, never what it points to
    rmSync(dir, { recursive: true, force: true });
  };
  symlinkSync(nodeModules, path.join(dir, "node_modules"), "dir");
  try {
    for (const [file, text] of Object.entries(floorFiles(commonAncestor(dir, nodeModules)))) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), text);
    }
    const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" };
    log(`Building the bare Next.js page (the floor) in ${dir} …`);
    const started = performance.now();
    const output = await run(process.execPath, [nextBin, "build"], dir, env);
    const buildSeconds = (performance.now() - started) / 1000;
    const nextBuild = /Next\.js\s+(.+)/.exec(output)?.[1].trim() ?? "unknown";

    const child = spawn(process.execPath, [nextBin, "start", "-p", String(FLOOR_PORT)], {
      cwd: dir,
      env,
      stdio: ["ignore", "ignore", "inherit"],
      detached: true,
    });
    const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
    const base = `http://localhost:${FLOOR_PORT}`;
    try {
      await waitUntilServing(base, exited);
    } catch (error) {
      stopGroup(child);
      await exited;
      throw error;
    }
    return {
      base,
      staticFile: path.join(dir, FLOOR_STATIC_FILE),
      nextBuild,
      buildSeconds,
      async stop() {
        stopGroup(child);
        await exited;
        remove();
      },
    };
  } catch (error) {
    remove();
    throw error;
  }
}

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve(output) : reject(new Error(`the floor's next build exited with ${code}:\n${output}`)),
    );
  });
}

async function waitUntilServing(base: string, exited: Promise<number | null>) {
  let gone = false;
  void exited.then(() => (gone = true));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (gone) throw new Error(`the floor's next start exited before answering (port ${FLOOR_PORT} taken? BENCH_FLOOR_PORT)`);
    try {
      if ((await fetch(base)).ok) return;
    } catch {
      // still starting
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the floor did not answer on ${base} within 60 s`);
}

function stopGroup(child: ChildProcess) {
  try {
    process.kill(-child.pid!, "SIGTERM");
  } catch {
    // already gone
  }
}
