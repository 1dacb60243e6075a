// The server under test: `npm start`'s own script (migrate, build if stale, serve) on the
// bench port and database, in its own process group so stopping it stops the server as well.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { BASE, childEnv } from "./env";

/** Where Next's NEXT_CPU_PROF puts profiles (it creates the folder with its own .gitignore). */
export const PROFILE_DIR = path.resolve(".next-profiles");

export type Server = { stop(): Promise<void> };

/** With `cpuProfile`, next start writes a V8 .cpuprofile into PROFILE_DIR when it stops. */
export async function startServer({ cpuProfile = false } = {}): Promise<Server> {
  const env = { ...childEnv };
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
    await waitForServer(() => exitCode !== undefined);
  } catch (error) {
    stopGroup(child);
    throw error;
  }
  return {
    async stop() {
      stopGroup(child);
      await exited;
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

async function waitForServer(hasExited: () => boolean) {
  // A first run builds (several minutes on a busy 2-core machine).
  const deadline = Date.now() + 15 * 60_000;
  while (Date.now() < deadline) {
    if (hasExited()) throw new Error("the server exited before answering (its messages are above)");
    try {
      if ((await fetch(`${BASE}/sign-in`)).ok) return;
    } catch {
      // still migrating, building or starting
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("the server did not answer within 15 minutes");
}
