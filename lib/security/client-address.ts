// The client address as the app sees it. scripts/serve.ts has already replaced x-forwarded-for
// with the one address it resolved from the socket (lib/security/forwarded.ts, decision 014), so
// reading the header here is reading the socket, not the client's word. better-auth reads the same
// header (lib/auth/auth.ts).
import ipaddr from "ipaddr.js";

/** The key a per-client limit counts under. IPv6 by /64, as better-auth does: one host usually holds a whole /64. */
export function clientAddress(headers: Pick<Headers, "get">): string {
  const value = headers.get("x-forwarded-for")?.trim() ?? "";
  if (!ipaddr.isValid(value)) return "unknown";
  const address = ipaddr.process(value);
  if (address.kind() === "ipv4") return address.toString();
  return `${ipaddr.IPv6.networkAddressFromCIDR(`${address.toString()}/64`).toString()}/64`;
}
