// Real receivers started by the tests on loopback: an SMTP server (smtp-server) that keeps every
// message it accepts, and an HTTP server standing in for a group robot. Nothing leaves the machine.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export type ReceivedMail = { from: string; to: string[]; subject: string; text: string };

export type SmtpReceiver = { port: number; mails: ReceivedMail[]; close: () => Promise<void> };

/** An SMTP server on 127.0.0.1 (`port` 0: any free port); with `auth`, it wants that user. */
export async function startSmtp(port = 0, auth?: { user: string; pass: string }): Promise<SmtpReceiver> {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    disabledCommands: ["STARTTLS"],
    authOptional: !auth,
    allowInsecureAuth: true,
    logger: false,
    onAuth(credentials, _session, callback) {
      if (auth && credentials.username === auth.user && credentials.password === auth.pass) return callback(null, { user: auth.user });
      callback(new Error("Invalid username or password"));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const { subject, text } = parseMessage(Buffer.concat(chunks).toString("utf8"));
        mails.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "", to: session.envelope.rcptTo.map((r) => r.address), subject, text });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const address = (server as unknown as { server: { address(): AddressInfo } }).server.address();
  return { port: address.port, mails, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

// Just enough MIME for what nodemailer writes for a text message: RFC 2047 words in the
// subject, and a base64 or quoted-printable body.
function parseMessage(raw: string): { subject: string; text: string } {
  const split = raw.indexOf("\r\n\r\n");
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, " ");
  const body = raw.slice(split + 4);
  const header = (name: string) => head.split("\r\n").find((line) => line.toLowerCase().startsWith(`${name}:`))?.slice(name.length + 1).trim() ?? "";
  const subject = header("subject").replace(/=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_m, enc: string, data: string) =>
    enc.toLowerCase() === "b" ? Buffer.from(data, "base64").toString("utf8") : decodeQuotedPrintable(data.replace(/_/g, " ")),
  );
  const encoding = header("content-transfer-encoding").toLowerCase();
  const text = encoding === "base64" ? Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8") : encoding === "quoted-printable" ? decodeQuotedPrintable(body) : body;
  return { subject, text: text.replace(/\r\n/g, "\n").trimEnd() };
}

function decodeQuotedPrintable(text: string): string {
  const bytes = text.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => `%${hex}`);
  return decodeURIComponent(bytes.replace(/%(?![0-9A-F]{2})/gi, "%25"));
}

export type RobotRequest = { path: string; body: unknown };
export type RobotReceiver = { url: (path: string) => string; requests: RobotRequest[]; answer: (respond: (request: RobotRequest) => { status: number; body: unknown }) => void; close: () => Promise<void> };

/** An HTTP server on 127.0.0.1 that records each POSTed JSON body and answers as told (default: 企业微信's ok). */
export async function startRobot(): Promise<RobotReceiver> {
  const requests: RobotRequest[] = [];
  let respond = (_request: RobotRequest) => ({ status: 200, body: { errcode: 0, errmsg: "ok" } as unknown });
  const server: Server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const request = { path: req.url ?? "", body: JSON.parse(Buffer.concat(chunks).toString("utf8")) as unknown };
      requests.push(request);
      const answer = respond(request);
      res.writeHead(answer.status, { "content-type": "application/json" }).end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    requests,
    answer: (next) => {
      respond = next;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
