import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { clientAddress } from "./client-address";
import { applyForwardedPolicy, canonicalAddress, compileTrust, resolveClientAddress, trustedProxiesSchema } from "./forwarded";

function request(peer: string | undefined, headers: Record<string, string> = {}): IncomingMessage {
  const socket = { remoteAddress: peer };
  return { socket, connection: socket, headers: { ...headers } } as unknown as IncomingMessage;
}

const forged = {
  "x-forwarded-for": "198.51.100.7, 203.0.113.1",
  "x-real-ip": "198.51.100.8",
  "x-forwarded-host": "evil.example",
  "x-forwarded-proto": "https",
  "x-forwarded-port": "443",
  forwarded: "for=198.51.100.9;host=evil.example",
};

describe("trustedProxiesSchema", () => {
  it("is empty by default and reads comma-separated addresses and ranges", () => {
    expect(trustedProxiesSchema.parse(undefined)).toEqual([]);
    expect(trustedProxiesSchema.parse("")).toEqual([]);
    expect(trustedProxiesSchema.parse(" 10.0.0.1, 10.1.0.0/16 ,::1,fd00::/8")).toEqual(["10.0.0.1", "10.1.0.0/16", "::1", "fd00::/8"]);
  });

  it("refuses an entry that is not an address, naming it", () => {
    const result = trustedProxiesSchema.safeParse("10.0.0.1,proxy.internal");
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain("proxy.internal");
  });
});

describe("canonicalAddress", () => {
  it("spells IPv4-mapped IPv6 as IPv4 and refuses what is not an address", () => {
    expect(canonicalAddress("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(canonicalAddress("2001:DB8:0:0::1")).toBe("2001:db8::1");
    expect(canonicalAddress("not-an-ip")).toBeNull();
    expect(canonicalAddress("")).toBeNull();
  });
});

describe("without trusted proxies (the default)", () => {
  const trust = compileTrust([]);

  it("the client is the socket's peer, whatever X-Forwarded-For says", () => {
    expect(resolveClientAddress(request("::ffff:192.0.2.10", forged), trust)).toBe("192.0.2.10");
  });

  it("drops every forwarded header and writes the peer into X-Forwarded-For", () => {
    const req = request("192.0.2.10", forged);
    applyForwardedPolicy(req, trust);
    expect(req.headers).toEqual({ "x-forwarded-for": "192.0.2.10" });
  });

  it("a loopback client is not trusted either", () => {
    const req = request("127.0.0.1", forged);
    applyForwardedPolicy(req, trust);
    expect(req.headers["x-forwarded-for"]).toBe("127.0.0.1");
    expect(req.headers["x-forwarded-host"]).toBeUndefined();
  });

  it("a request without a peer address keeps no client address", () => {
    const req = request(undefined, forged);
    applyForwardedPolicy(req, trust);
    expect(req.headers).toEqual({});
  });
});

describe("behind trusted proxies", () => {
  const trust = compileTrust(["10.0.0.0/8", "127.0.0.1"]);

  it("takes the right-most address that is not a trusted proxy", () => {
    const req = request("10.0.0.2", { "x-forwarded-for": "198.51.100.7, 203.0.113.1, 10.0.0.5" });
    expect(resolveClientAddress(req, trust)).toBe("203.0.113.1");
  });

  it("matches an IPv4-mapped peer against an IPv4 entry", () => {
    expect(resolveClientAddress(request("::ffff:127.0.0.1", { "x-forwarded-for": "203.0.113.4" }), trust)).toBe("203.0.113.4");
  });

  it("keeps the proxy's host and scheme and rewrites X-Forwarded-For to the one client address", () => {
    const req = request("10.0.0.2", { ...forged, "x-forwarded-for": "203.0.113.1" });
    applyForwardedPolicy(req, trust);
    expect(req.headers["x-forwarded-for"]).toBe("203.0.113.1");
    expect(req.headers["x-forwarded-host"]).toBe("evil.example");
    expect(req.headers["x-forwarded-proto"]).toBe("https");
  });

  it("an untrusted peer among trusted ones still cannot forward", () => {
    const req = request("192.0.2.99", { ...forged });
    applyForwardedPolicy(req, trust);
    expect(req.headers).toEqual({ "x-forwarded-for": "192.0.2.99" });
  });

  it("falls back to the proxy itself when the chain holds garbage", () => {
    expect(resolveClientAddress(request("10.0.0.2", { "x-forwarded-for": "garbage" }), trust)).toBe("10.0.0.2");
  });

  it("a proxy that forwards nothing leaves the peer as the client", () => {
    expect(resolveClientAddress(request("10.0.0.2"), trust)).toBe("10.0.0.2");
  });
});

describe("clientAddress (what the app reads)", () => {
  const headers = (value?: string) => new Headers(value === undefined ? {} : { "x-forwarded-for": value });

  it("reads the address the server wrote", () => {
    expect(clientAddress(headers("203.0.113.9"))).toBe("203.0.113.9");
  });

  it("counts IPv6 clients by /64, as better-auth does", () => {
    expect(clientAddress(headers("2001:db8:1:2:aaaa::1"))).toBe("2001:db8:1:2::/64");
    expect(clientAddress(headers("2001:db8:1:2:bbbb::9"))).toBe("2001:db8:1:2::/64");
  });

  it("has one key for anything that is not an address", () => {
    expect(clientAddress(headers())).toBe("unknown");
    expect(clientAddress(headers("1.2.3.4, 5.6.7.8"))).toBe("unknown");
  });
});
