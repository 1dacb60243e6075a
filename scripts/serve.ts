// The production server (npm start runs it after building): Next's request handler behind
// node:http, because only a server that owns the socket knows who is asking. Before Next sees a
// request, forwarded headers from anyone but a trusted proxy are dropped and x-forwarded-for is
// set to the resolved client address (lib/security/forwarded.ts, decision 014).
//
// serve() starts one server in this process. For one worker per core, a node:cluster primary can
// fork workers that each call serve() on the same port; nothing here holds per-process state.
import { createServer, type Server } from "node:http";
import { applyForwardedPolicy, compileTrust, trustedProxiesSchema } from "../lib/security/forwarded";

/** Printed once the port is open (tests/e2e/servers.ts waits for it). */
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

/** PORT and TRUSTED_PROXIES from the environment; a bad entry stops the start with its name. */
export function serveOptionsFromEnv(environment = process.env): ServeOptions {
  const proxies = trustedProxiesSchema.safeParse(environment.TRUSTED_PROXIES);
  if (!proxies.success) throw new Error(`TRUSTED_PROXIES 设置有误：${proxies.error.issues.map((issue) => issue.message).join("；")}`);
  return { port: Number(environment.PORT || 3000), trustedProxies: proxies.data };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // As `next start` does; Next loads its server (and React's production build) after this line.
  (process.env as Record<string, string | undefined>).NODE_ENV ||= "production";
  let options: ServeOptions;
  try {
    options = serveOptionsFromEnv();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
  // npm run bench's BENCH_CPU_PROF: Next's profiler, as `next start` loads it, saved on exit.
  if (process.env.NEXT_CPU_PROF) await import("next/dist/server/lib/cpu-profile.js");
  // Exit (running 'exit' handlers) on a stop signal, as `next start` does.
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => process.exit(0));
  try {
    await serve(options);
  } catch (error) {
    const inUse = (error as NodeJS.ErrnoException).code === "EADDRINUSE";
    console.error(inUse ? `端口 ${options.port} 已被占用：请停止占用它的程序，或用 PORT 换一个端口。` : error);
    process.exit(1);
  }
  console.log(`${READY_LINE}：端口 ${options.port}`);
}
