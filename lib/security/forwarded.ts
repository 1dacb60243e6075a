// Who a request comes from, decided once, in the Node server in front of Next (scripts/serve.ts):
// the only code that sees the socket. Forwarded headers count only when the socket's peer is a
// proxy named in TRUSTED_PROXIES; otherwise any client could pick its own address (decision 014).
import type { IncomingMessage } from "node:http";
import ipaddr from "ipaddr.js";
import proxyAddr from "proxy-addr";
import { z } from "@/lib/zod";

/** Headers a client could use to claim another address, host or scheme. */
export const FORWARDED_HEADERS = ["x-forwarded-for", "x-real-ip", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "forwarded"] as const;

const proxyEntry = z.union([z.ipv4(), z.ipv6(), z.cidrv4(), z.cidrv6()], { error: (issue) => `不是 IP 地址或 CIDR：${String(issue.input)}` });

/** TRUSTED_PROXIES: comma-separated IP addresses and CIDR ranges; empty trusts no one. */
export const trustedProxiesSchema = z
  .string()
  .default("")
  .transform((value) => value.split(",").map((entry) => entry.trim()).filter(Boolean))
  .pipe(z.array(proxyEntry));

export type Trust = (address: string, hop: number) => boolean;

export function compileTrust(proxies: string[]): Trust {
  return proxyAddr.compile(proxies);
}

/** One spelling per address: IPv4-mapped IPv6 (`::ffff:1.2.3.4`, what a dual-stack socket reports) becomes IPv4. */
export function canonicalAddress(address: string): string | null {
  return ipaddr.isValid(address) ? ipaddr.process(address).toString() : null;
}

/**
 * The client's address: the socket's peer, or, when that peer is a trusted proxy, the right-most
 * address of its X-Forwarded-For chain that is not itself a trusted proxy. An entry that is not an
 * address (a proxy passing garbage through) falls back to the peer.
 */
export function resolveClientAddress(request: IncomingMessage, trust: Trust): string | null {
  const peer = canonicalAddress(request.socket.remoteAddress ?? "");
  if (!peer) return null;
  return canonicalAddress(proxyAddr(request, trust)) ?? peer;
}

/**
 * Rewrites the request's headers before Next sees them: forwarded headers from an untrusted peer
 * are dropped, and x-forwarded-for becomes the one resolved address that the rate limits
 * (better-auth, /verify) read.
 */
export function applyForwardedPolicy(request: IncomingMessage, trust: Trust): void {
  const peer = canonicalAddress(request.socket.remoteAddress ?? "");
  const client = resolveClientAddress(request, trust);
  if (!peer || !trust(peer, 0)) for (const name of FORWARDED_HEADERS) delete request.headers[name];
  if (client) request.headers["x-forwarded-for"] = client;
  else delete request.headers["x-forwarded-for"];
}
