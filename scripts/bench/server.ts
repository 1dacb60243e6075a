// The server under test: `npm start`'s own script (migrate, build if stale, serve) on the
// bench port and database, in its own process group so stopping it stops the server as well.
import { spawn, type ChildProcess } from "node:child_process";
import { connect } from "node:net";
import path from "node:path";
import { childEnv, PORT } from "./env";

/** Where Next's NEXT_CPU_PROF puts profiles (it creates the folder with its own .gitignore). */
export const PROFILE_DIR = path.resolve(".next-profiles");

export type Server = { stop(): Promise<void> };

export type ServerOptions = {
  /** next start writes a V8 .cpuprofile into PROFILE_DIR when it stops. */
  cpuProfile?: boolean;
  /** WEB_CONCURRENCY of the server; unset, npm start's default (one worker per core). */
  workers?: number;
  port?: number;
};

export async function startServer({ cpuProfile = false, workers, port = PORT }: ServerOptions = {}): Promise<Server> {
  const env: NodeJS.ProcessEnv = { ...childEnv, PORT: String(port) };
  if (workers !== undefined) env.WEB_CONCURRENCY = String(workers);
  if (cpuProfile) {
    // Node 20 refuses --cpu-prof in NODE_OPTIONS; Next's own switch profiles the server process.
    env.NEXT_CPU_PROF = "1";
  }
  const child = spawn(path.resolve("node_modules/.bin/tsx"), ["scripts/start.ts"], {
    env,
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  let exitCode: number | null | undefined;
  const exited = new Promise<void>((resolve) =>
    child.on("exit", (code) => {
      exitCode = code;
      resolve();
    }),
  );
  try {
    await waitForServer(`http://localhost:${port}`, () => exitCode !== undefined);
  } catch (error) {
    stopGroup(child);
    throw error;
  }
  return {
    async stop() {
      stopGroup(child);
      await exited;
      // The next server on this port must not find this one still answering (workers exit last).
      await waitForPortClosed(port);
    },
  };
}

function stopGroup(child: ChildProcess) {
  try {
    process.kill(-child.pid!, "SIGTERM");
  } catch {
    // already gone
  }
}

async function waitForServer(base: string, hasExited: () => boolean) {
  // A first run builds (several minutes on a busy 2-core machine).
  const deadline = Date.now() + 15 * 60_000;
  while (Date.now() < deadline) {
    if (hasExited()) throw new Error("the server exited before answering (its messages are above)");
    try {
      if ((await fetch(`${base}/sign-in`)).ok) return;
    } catch {
      // still migrating, building or starting
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("the server did not answer within 15 minutes");
}

async function waitForPortClosed(port: number) {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, "localhost");
      socket.once("connect", () => {
        socket.destroy();
        resolve(true);
      });
      socket.once("error", () => resolve(false));
    });
    if (!open) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`port ${port} still answers 30 s after the server was stopped`);
}
