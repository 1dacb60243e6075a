// A plain HTTP/1.1 client for simulated learners: one keep-alive connection per learner, like a
// browser tab, with gzip as browsers ask for it, and the cookies the server sets kept and sent
// back as a browser does. Latency is measured by the caller.
import http from "node:http";
import { gunzipSync } from "node:zlib";
import { PORT } from "./env";

export type Reply = { status: number; headers: http.IncomingHttpHeaders; body: string };

/**
 * A browser's cookie jar: starts with the learner's sign-in cookies and keeps what the server sets
 * later (such as better-auth's session-cache cookie, written by a request that read the session
 * from the database), sending it back until it expires, as a browser would.
 */
export class CookieJar {
  private readonly jar = new Map<string, { value: string; expires: number }>();

  constructor(cookie: string) {
    for (const pair of cookie.split("; ").filter(Boolean)) {
      const eq = pair.indexOf("=");
      this.jar.set(pair.slice(0, eq), { value: pair.slice(eq + 1), expires: Infinity });
    }
  }

  cookieHeader(now = Date.now()): string {
    return [...this.jar].filter(([, c]) => c.expires > now).map(([name, c]) => `${name}=${c.value}`).join("; ");
  }

  /** Set-Cookie headers of a reply: stored, replaced, or removed when expired or emptied. */
  remember(setCookies: string[] | undefined, now = Date.now()): void {
    for (const line of setCookies ?? []) {
      const [pair, ...attributes] = line.split(";").map((part) => part.trim());
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      let expires = Infinity;
      for (const attribute of attributes) {
        const [key, val = ""] = attribute.split("=");
        if (key.toLowerCase() === "max-age") expires = now + Number(val) * 1000;
        else if (key.toLowerCase() === "expires" && expires === Infinity) expires = Date.parse(val);
      }
      if (value === "" || expires <= now) this.jar.delete(name);
      else this.jar.set(name, { value, expires });
    }
  }
}

/** A learner's browser tab: requests queue behind each other on one keep-alive connection, with its cookie jar. */
export class Tab extends CookieJar {
  readonly agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

  /** `port`: the app instance this tab talks to (the bench's own by default). */
  constructor(cookie: string, readonly port: number = PORT) {
    super(cookie);
  }

  close(): void {
    this.agent.destroy();
  }
}

export async function send(
  tab: Tab,
  method: "GET" | "POST",
  path: string,
  headers: Record<string, string>,
  body?: string,
  timeoutMs = 60_000,
): Promise<Reply> {
  const withCookies = { ...headers, cookie: tab.cookieHeader() };
  let reply: Reply;
  try {
    reply = await sendOnce(tab, method, path, withCookies, body, timeoutMs);
  } catch (error) {
    // The server closed an idle keep-alive connection just as the request went out on it.
    // Browsers resend a request that failed that way on a reused connection before any answer
    // (Chromium does for POST too), so the learner never sees it; neither does the bench.
    if (!(error as { reusedSocket?: boolean }).reusedSocket) throw error;
    reply = await sendOnce(tab, method, path, withCookies, body, timeoutMs);
  }
  tab.remember(reply.headers["set-cookie"]);
  return reply;
}

function sendOnce(
  tab: Tab,
  method: string,
  path: string,
  headers: Record<string, string>,
  body: string | undefined,
  timeoutMs: number,
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = http.request(
      { host: "localhost", port: tab.port, method, path, agent: tab.agent, headers: { "accept-encoding": "gzip", ...headers } },
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
