import { readdirSync, readFileSync, readlinkSync } from "node:fs";
import { Agent, request } from "node:http";

// Which process holds which connection, read from Linux's /proc: how a test tells a cluster's
// workers apart from outside, without the server saying anything about itself.

/** Pids of the running children of `parent` whose command line mentions `command` (tsx's esbuild service is a child too). */
export function childPids(parent: number, command: string): number[] {
  const children: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // "pid (comm) state ppid ...": comm may hold spaces or parentheses, so read after the last ")".
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const [state, ppid] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(ppid) !== parent || state === "Z") continue;
      if (readFileSync(`/proc/${entry}/cmdline`, "utf8").includes(command)) children.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return children.sort((a, b) => a - b);
}

/** Resident memory of a process in KB. */
export function residentKb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8").split("\n").find((l) => l.startsWith("VmRSS:"));
  return Number(line?.match(/\d+/)?.[0] ?? 0);
}

/** The socket inode of the server's end of a loopback TCP connection from our `clientPort`. */
function serverSocketInode(serverPort: number, clientPort: number): string | undefined {
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    for (const row of readFileSync(table, "utf8").trim().split("\n").slice(1)) {
      const columns = row.trim().split(/\s+/);
      const port = (address: string) => parseInt(address.slice(address.lastIndexOf(":") + 1), 16);
      if (port(columns[1]) === serverPort && port(columns[2]) === clientPort) return columns[9];
    }
  }
  return undefined;
}

/** Which of `pids` holds the server's end of the connection from our `clientPort`. */
export function connectionOwner(pids: number[], serverPort: number, clientPort: number): number | undefined {
  const inode = serverSocketInode(serverPort, clientPort);
  if (!inode) return undefined;
  return pids.find((pid) =>
    readdirSync(`/proc/${pid}/fd`).some((fd) => {
      try {
        return readlinkSync(`/proc/${pid}/fd/${fd}`) === `socket:[${inode}]`;
      } catch {
        return false;
      }
    }),
  );
}

export type HeldResponse = { status: number; text: string; clientPort: number; close: () => void };
export type HeldRequest = { method?: "GET" | "POST"; headers?: Record<string, string>; json?: unknown };

/**
 * A request on a connection of its own, kept open after the answer so that the process serving
 * it can be found (connectionOwner). Each call is a new connection: a cluster's primary hands new
 * connections to its workers in turn.
 */
export function requestOnNewConnection(port: number, path: string, { method = "GET", headers = {}, json }: HeldRequest = {}): Promise<HeldResponse> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const body = json === undefined ? undefined : JSON.stringify(json);
  const allHeaders = { origin: `http://127.0.0.1:${port}`, ...(body ? { "content-type": "application/json" } : {}), ...headers };
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path, method, agent, headers: allHeaders }, (res) => {
      const clientPort = res.socket.localPort!;
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8"), clientPort, close: () => agent.destroy() }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(body);
  });
}

/** The variable `name` in a process's environment as it started. */
export function environmentOf(pid: number, name: string): string | undefined {
  const entry = readFileSync(`/proc/${pid}/environ`, "utf8").split("\0").find((e) => e.startsWith(`${name}=`));
  return entry?.slice(name.length + 1);
}
