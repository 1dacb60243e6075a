import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { E2E_SERVER_ENV } from "../../playwright.config";
import { READY_LINE } from "../../scripts/serve";

/**
 * Another server of the same build on the suite's database, started as npm start serves
 * (scripts/serve.ts). Ready when it says it listens: polling the port could find some other
 * program's server there (several suites on one machine), and this one would have failed unseen.
 */
export async function startServer(port: number, env: Record<string, string> = {}): Promise<ChildProcess> {
  const server = spawn(process.execPath, ["--import", "tsx", path.resolve("scripts/serve.ts")], {
    env: { ...process.env, ...E2E_SERVER_ENV, NODE_ENV: "production", PORT: String(port), ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString("utf8")).slice(-4000);
  };
  server.stderr!.on("data", collect);
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("not ready after 60 s")), 60_000);
      server.stdout!.on("data", (chunk: Buffer) => {
        collect(chunk);
        if (output.includes(READY_LINE)) {
          clearTimeout(timer);
          resolve();
        }
      });
      server.once("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`exited with code ${code}`));
      });
    });
  } catch (error) {
    server.kill();
    throw new Error(`server on port ${port} did not start (${(error as Error).message}):\n${output}`);
  }
  return server;
}
