// The production server (npm start runs it after building): Next's request handler behind
// node:http, because only a server that owns the socket knows who is asking. Before Next sees a
// request, forwarded headers from anyone but a trusted proxy are dropped and x-forwarded-for is
// set to the resolved client address (lib/security/forwarded.ts, decision 014).
//
// serve() starts one server in this process. Run as a script, it serves with one worker process per
// core (WEB_CONCURRENCY overrides): a node:cluster primary (scripts/cluster.ts) forks workers that
// each call serve() on the same port (decision 024); with one, this process serves by itself.
import cluster from "node:cluster";
import { createServer, type Server } from "node:http";
import { availableParallelism } from "node:os";
import { z } from "../lib/zod";
import { applyForwardedPolicy, compileTrust, trustedProxiesSchema } from "../lib/security/forwarded";

/** Printed once the port is open, by a cluster's primary once every worker listens (tests/e2e/servers.ts waits for it). */
export const READY_LINE = "服务已就绪";

export type ServeOptions = { port: number; dir?: string; trustedProxies: string[] };

export async function serve({ port, dir = process.cwd(), trustedProxies }: ServeOptions): Promise<Server> {
  // Loaded here, not at the top: tests import READY_LINE without loading Next into their process.
  const { default: next } = await import("next");
  const app = next({ dev: false, dir, port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const trust = compileTrust(trustedProxies);
  const server = createServer((request, response) => {
    applyForwardedPolicy(request, trust);
    void handle(request, response);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, resolve);
  });
  return server;
}

export type ServeSettings = ServeOptions & { workers: number };

// 64 is far above any core count this app is sized for; a typo such as 200 is refused, not forked.
const workerCountSchema = z
  .string()
  .trim()
  .regex(/^\d+$/)
  .transform(Number)
  .pipe(z.number().int().min(1).max(64));

/** WEB_CONCURRENCY: how many worker processes serve; unset or empty, one per core. */
export function workerCount(value: string | undefined, cores = availableParallelism()): number {
  if (value === undefined || value.trim() === "") return cores;
  const parsed = workerCountSchema.safeParse(value);
  if (!parsed.success) throw new Error(`WEB_CONCURRENCY 设置有误：“${value}”不是 1 到 64 之间的整数（工作进程数；不设置则每个 CPU 核心一个）。`);
  return parsed.data;
}

/** PORT, TRUSTED_PROXIES and WEB_CONCURRENCY from the environment; a bad entry stops the start with its name. */
export function serveOptionsFromEnv(environment: Record<string, string | undefined> = process.env, cores = availableParallelism()): ServeSettings {
  const proxies = trustedProxiesSchema.safeParse(environment.TRUSTED_PROXIES);
  if (!proxies.success) throw new Error(`TRUSTED_PROXIES 设置有误：${proxies.error.issues.map((issue) => issue.message).join("；")}`);
  const workers = workerCount(environment.WEB_CONCURRENCY, cores);
  return { port: Number(environment.PORT || 3000), trustedProxies: proxies.data, workers };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // As `next start` does; Next loads its server (and React's production build) after this line.
  (process.env as Record<string, string | undefined>).NODE_ENV ||= "production";
  let options: ServeSettings;
  try {
    options = serveOptionsFromEnv();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
  if (options.workers > 1 && cluster.isPrimary) {
    // Workers run this same script (cluster forks process.argv[1] with process.execArgv).
    const { startWorkers } = await import("./cluster");
    await startWorkers(options.workers);
    console.log(`${READY_LINE}：端口 ${options.port}，${options.workers} 个工作进程`);
  } else {
    await serveHere(options, cluster.isWorker);
  }
}

/** Serves in this process: the whole server, or one of the primary's workers. */
async function serveHere(options: ServeOptions, isWorker: boolean): Promise<void> {
  // npm run bench's BENCH_CPU_PROF: Next's profiler, as `next start` loads it, saved on exit.
  if (process.env.NEXT_CPU_PROF) await import("next/dist/server/lib/cpu-profile.js");
  // Exit (running 'exit' handlers) on a stop signal, as `next start` does. A worker leaves SIGINT
  // (Ctrl+C reaches the whole process group) to the primary, which stops it with SIGTERM: a worker
  // that exited by itself first would look like a crash and be replaced.
  process.on("SIGTERM", () => process.exit(0));
  process.on("SIGINT", () => {
    if (!isWorker) process.exit(0);
  });
  try {
    await serve(options);
  } catch (error) {
    const inUse = (error as NodeJS.ErrnoException).code === "EADDRINUSE";
    console.error(inUse ? `端口 ${options.port} 已被占用：请停止占用它的程序，或用 PORT 换一个端口。` : error);
    process.exit(1);
  }
  // The primary announces a cluster once all its workers listen.
  if (!isWorker) console.log(`${READY_LINE}：端口 ${options.port}`);
}
