// A plain HTTP/1.1 client for simulated learners: one keep-alive connection per learner, like a
// browser tab, with gzip as browsers ask for it. Latency is measured by the caller.
import http from "node:http";
import { gunzipSync } from "node:zlib";
import { PORT } from "./env";

export type Reply = { status: number; headers: http.IncomingHttpHeaders; body: string };

/** A learner's connection: requests on one agent queue behind each other, as in one tab. */
export const learnerAgent = () => new http.Agent({ keepAlive: true, maxSockets: 1 });

export async function send(
  agent: http.Agent,
  method: "GET" | "POST",
  path: string,
  headers: Record<string, string>,
  body?: string,
  timeoutMs = 60_000,
): Promise<Reply> {
  try {
    return await sendOnce(agent, method, path, headers, body, timeoutMs);
  } catch (error) {
    // The server closed an idle keep-alive connection just as the request went out on it.
    // Browsers resend a request that failed that way on a reused connection before any answer
    // (Chromium does for POST too), so the learner never sees it; neither does the bench.
    if ((error as { reusedSocket?: boolean }).reusedSocket) return sendOnce(agent, method, path, headers, body, timeoutMs);
    throw error;
  }
}

function sendOnce(
  agent: http.Agent,
  method: string,
  path: string,
  headers: Record<string, string>,
  body: string | undefined,
  timeoutMs: number,
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = http.request(
      { host: "localhost", port: PORT, method, path, agent, headers: { "accept-encoding": "gzip", ...headers } },
      (res) => {
        answered = true;
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("error", reject);
        res.on("end", () => {
          const raw = Buffer.concat(chunks);
          const text = res.headers["content-encoding"] === "gzip" ? gunzipSync(raw).toString("utf8") : raw.toString("utf8");
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text });
        });
      },
    );
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer within ${timeoutMs / 1000} s`)));
    req.on("error", (error: NodeJS.ErrnoException) => {
      const resendable = req.reusedSocket && !answered && (error.code === "ECONNRESET" || error.code === "EPIPE");
      reject(Object.assign(error, { reusedSocket: resendable }));
    });
    req.end(body);
  });
}
