import type { WebhookKind } from "@/lib/departments/rules";

// How the outbox retries and what a group robot is sent. Pure; lib/outbox/send.ts does the I/O.

/** A message that failed this many times is given up (status failed, its last error kept). */
export const MAX_ATTEMPTS = 10;
/** How long a claimed message stays claimed: longer than any one send can take (timeouts below). */
export const LEASE_MS = 5 * 60_000;
export const SMTP_TIMEOUT_MS = 20_000;
export const WEBHOOK_TIMEOUT_MS = 15_000;

/** Wait before the next try after `attempts` failed tries: 1 min, doubling, at most 1 h. */
export function retryDelayMs(attempts: number): number {
  return Math.min(60_000 * 2 ** Math.max(0, attempts - 1), 60 * 60_000);
}

/** The JSON body of a text message in each robot's format. */
export function webhookPayload(kind: WebhookKind, text: string): unknown {
  return kind === "feishu" ? { msg_type: "text", content: { text } } : { msgtype: "text", text: { content: text } };
}

/**
 * Whether a robot accepted the message: a 2xx answer whose JSON (if any) carries no error code.
 * 企业微信 and 钉钉 answer `{"errcode":0,"errmsg":"ok"}`, 飞书 `{"code":0,"msg":"success"}`; each
 * answers HTTP 200 with a non-zero code for a bad key or a rate limit. Returns the error or null.
 */
export function webhookError(status: number, body: string): string | null {
  if (status < 200 || status >= 300) return `HTTP ${status}${body ? `：${body.slice(0, 200)}` : ""}`;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return null; // a 2xx without JSON: nothing says it failed
  }
  if (parsed && typeof parsed === "object") {
    const answer = parsed as Record<string, unknown>;
    for (const [codeKey, messageKey] of [["errcode", "errmsg"], ["code", "msg"], ["StatusCode", "StatusMessage"]] as const) {
      const code = answer[codeKey];
      if (code !== undefined && code !== 0 && code !== "0") return `${codeKey} ${String(code)}：${String(answer[messageKey] ?? "")}`.slice(0, 300);
    }
  }
  return null;
}
