import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { E2E_SERVER_ENV } from "../../playwright.config";

/** Another `next start` of the same build on the suite's database (the suite's server is one). */
export async function startServer(port: number, env: Record<string, string> = {}): Promise<ChildProcess> {
  const server = spawn(path.resolve("node_modules/.bin/next"), ["start", "-p", String(port)], {
    env: { ...process.env, ...E2E_SERVER_ENV, ...env },
    stdio: "ignore",
  });
  for (let i = 0; i < 150; i++) {
    try {
      if ((await fetch(`http://localhost:${port}/sign-in`)).ok) return server;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  server.kill();
  throw new Error(`server on port ${port} did not start`);
}
