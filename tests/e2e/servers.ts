import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { E2E_SERVER_ENV } from "../../playwright.config";

/** Another server of the same build on the suite's database, started as npm start serves (scripts/serve.ts). */
export async function startServer(port: number, env: Record<string, string> = {}): Promise<ChildProcess> {
  const server = spawn(process.execPath, ["--import", "tsx", path.resolve("scripts/serve.ts")], {
    env: { ...process.env, ...E2E_SERVER_ENV, NODE_ENV: "production", PORT: String(port), ...env },
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
