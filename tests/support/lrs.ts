// A minimal Learning Record Store on loopback for the tests: POST, PUT and GET /xapi/statements as
// xAPI 1.0.3 says (GET answers the newest `limit` statements) (Basic auth, the X-Experience-API-Version header, every statement checked
// against the statement schema, ids kept: a known id is a 409 and stores nothing), statements
// kept in arrival order. It can be stopped and started again on the same port, and told to
// store a batch but lose its answer (a connection cut after the write).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { statementValidator } from "./xapi-schema";

export type StoredStatement = Record<string, unknown> & { id: string };
export type Lrs = {
  endpoint: string;
  key: string;
  secret: string;
  statements: StoredStatement[];
  /** Every request as received: method, path, the version header. */
  requests: { method: string; path: string; version: string | undefined; count: number }[];
  stop: () => Promise<void>;
  start: () => Promise<void>;
  /** The next `n` POSTs store their statements, then the connection is cut before any answer. */
  loseAnswers: (n: number) => void;
  close: () => Promise<void>;
};

const json = (response: ServerResponse, status: number, body?: unknown) => {
  response.writeHead(status, { "content-type": "application/json", "x-experience-api-version": "1.0.3" });
  response.end(body === undefined ? undefined : JSON.stringify(body));
};

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export async function startLrs(key = "lrs-key", secret = "lrs-secret"): Promise<Lrs> {
  const validate = statementValidator();
  const statements: StoredStatement[] = [];
  const byId = new Map<string, StoredStatement>();
  const requests: Lrs["requests"] = [];
  let losing = 0;
  let port = 0;
  let server: Server | null = null;
  const sockets = new Set<Socket>();

  const store = (statement: StoredStatement) => {
    const stored = { ...statement, stored: new Date().toISOString(), version: "1.0.3" };
    statements.push(stored);
    byId.set(statement.id, stored);
  };

  async function handle(request: IncomingMessage, response: ServerResponse) {
    const url = new URL(request.url ?? "/", "http://lrs");
    const version = request.headers["x-experience-api-version"] as string | undefined;
    const body = await readBody(request);
    let parsed: unknown;
    try {
      parsed = body ? JSON.parse(body) : undefined;
    } catch {
      return json(response, 400, { error: "invalid JSON" });
    }
    requests.push({ method: request.method ?? "", path: url.pathname + url.search, version, count: Array.isArray(parsed) ? parsed.length : 1 });
    if (url.pathname !== "/xapi/statements") return json(response, 404, { error: "not found" });
    if (!version?.startsWith("1.0")) return json(response, 400, { error: "X-Experience-API-Version header missing" });
    if (request.headers.authorization !== `Basic ${Buffer.from(`${key}:${secret}`).toString("base64")}`) return json(response, 401, { error: "unauthorized" });
    if (request.method === "GET") {
      const limit = Number(url.searchParams.get("limit")) || statements.length;
      return json(response, 200, { statements: statements.slice(-limit).reverse(), more: "" });
    }
    const batch = Array.isArray(parsed) ? parsed : [parsed];
    for (const statement of batch) {
      if (!validate(statement)) return json(response, 400, { error: "invalid statement", details: validate.errors });
      if (typeof (statement as StoredStatement).id !== "string") return json(response, 400, { error: "statement id required by this LRS" });
    }
    const ids = batch.map((s) => (s as StoredStatement).id);
    if (request.method === "POST") {
      if (new Set(ids).size !== ids.length) return json(response, 400, { error: "duplicate ids in batch" });
      if (ids.some((id) => byId.has(id))) return json(response, 409, { error: "statement id already stored" });
      for (const statement of batch) store(statement as StoredStatement);
      if (losing > 0) {
        losing -= 1;
        request.socket.destroy();
        return;
      }
      return json(response, 200, ids);
    }
    if (request.method === "PUT") {
      const id = url.searchParams.get("statementId");
      if (!id || batch.length !== 1 || ids[0] !== id) return json(response, 400, { error: "statementId must match the statement" });
      if (byId.has(id)) return json(response, 409, { error: "statement id already stored" });
      store(batch[0] as StoredStatement);
      response.writeHead(204).end();
      return;
    }
    return json(response, 405, { error: "method not allowed" });
  }

  async function start() {
    if (server) return; // running
    server = createServer((request, response) => {
      handle(request, response).catch(() => json(response, 500, { error: "internal" }));
    });
    server.on("connection", (socket) => {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
    });
    const starting = server;
    await new Promise<void>((resolve, reject) => {
      starting.once("error", (error) => {
        server = null;
        reject(error);
      });
      starting.listen(port, "127.0.0.1", () => resolve());
    });
    port = (starting.address() as AddressInfo).port;
  }

  async function stop() {
    if (!server) return;
    const closing = new Promise<void>((resolve) => server!.close(() => resolve()));
    for (const socket of sockets) socket.destroy();
    await closing;
    server = null;
  }

  await start();
  return {
    get endpoint() {
      return `http://127.0.0.1:${port}/xapi/`;
    },
    key,
    secret,
    statements,
    requests,
    stop,
    start,
    loseAnswers: (n) => {
      losing = n;
    },
    close: stop,
  };
}
