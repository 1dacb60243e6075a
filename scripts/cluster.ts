// One server process per core (decision 024): a node:cluster primary forks workers that each run
// scripts/serve.ts and listen on the same port; the primary hands them connections in turn. The
// primary only keeps them running: it never loads Next, and it holds no request state.
import cluster, { type Worker } from "node:cluster";

/** Longest wait for workers to finish after a stop signal before they are killed. */
const STOP_GRACE_MS = 10_000;

type WorkerEnv = { ATTEMPT_SWEEP: "on" | "off" };

/**
 * Forks `count` workers and resolves once every one of them listens. A worker that dies before
 * then stops the whole server (exit 1: the worker printed why, e.g. the port is taken); one that
 * dies later is replaced. SIGINT and SIGTERM stop every worker, then the primary exits 0.
 */
export function startWorkers(count: number): Promise<void> {
  // The once-a-minute attempt sweep runs in one worker only (lib/assessment/sweep.ts); a
  // replacement takes over the role of the worker it replaces.
  const envOf = new Map<number, WorkerEnv>();
  const fork = (env: WorkerEnv) => envOf.set(cluster.fork(env).id, env);
  let ready = false;
  let stopping = false;

  const stop = (code: number) => {
    if (stopping) return;
    stopping = true;
    const running = () => Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w && !w.isDead());
    if (running().length === 0) process.exit(code);
    cluster.on("exit", () => {
      if (running().length === 0) process.exit(code);
    });
    for (const worker of running()) worker.process.kill("SIGTERM");
    setTimeout(() => {
      for (const worker of running()) worker.process.kill("SIGKILL");
      process.exit(code);
    }, STOP_GRACE_MS).unref();
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => stop(0));

  cluster.on("exit", (worker, code, signal) => {
    const env = envOf.get(worker.id);
    envOf.delete(worker.id);
    if (stopping) return;
    const how = signal ? `信号 ${signal}` : `退出码 ${code}`;
    if (!ready) {
      console.error(`工作进程 ${worker.process.pid} 未能启动（${how}），服务停止。`);
      stop(1);
      return;
    }
    console.error(`工作进程 ${worker.process.pid} 意外退出（${how}），正在启动新的工作进程。`);
    if (env) fork(env);
  });

  return new Promise((resolve) => {
    let listening = 0;
    cluster.on("listening", (worker) => {
      console.log(`工作进程 ${worker.process.pid} 已就绪`);
      if (!ready && ++listening === count) {
        ready = true;
        resolve();
      }
    });
    for (let i = 0; i < count; i++) fork({ ATTEMPT_SWEEP: i === 0 ? "on" : "off" });
  });
}
