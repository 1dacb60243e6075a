import { randomInt } from "node:crypto";
import { request } from "node:http";

/**
 * A loopback address no other test has used: on Linux all of 127.0.0.0/8 is this machine, so a
 * request sent from it is a new client to the server (the socket's address), with counters of its
 * own. Playwright's request API cannot choose its source address; node:http can.
 */
export function freshLoopback(): string {
  return `127.${randomInt(1, 255)}.${randomInt(0, 256)}.${randomInt(2, 255)}`;
}

export type SendOptions = { from: string; method?: "GET" | "POST"; headers?: Record<string, string>; json?: unknown };
export type Sent = { status: number; headers: Record<string, string | string[] | undefined>; text: string };

/** One request to 127.0.0.1:port from the address `from`. */
export function send(port: number, path: string, { from, method = "GET", headers = {}, json }: SendOptions): Promise<Sent> {
  const body = json === undefined ? undefined : JSON.stringify(json);
  const origin = `http://127.0.0.1:${port}`;
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: "127.0.0.1",
        port,
        path,
        method,
        localAddress: from,
        headers: { origin, ...(body ? { "content-type": "application/json" } : {}), ...headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

/** A documentation address (RFC 5737) that changes with every call: what an attacker rotates. */
export function rotatingAddress(i: number): string {
  return `${["192.0.2", "198.51.100", "203.0.113"][i % 3]}.${(i % 250) + 1}`;
}
