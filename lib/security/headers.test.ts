import { describe, expect, it } from "vitest";
import { LESSON_CACHE_CONTROL, PERMISSIONS_POLICY, REDIRECT_CACHE_CONTROL, contentSecurityPolicy, createNonce, securityHeaders } from "./headers";

function directives(policy: string): Map<string, string[]> {
  return new Map(policy.split(/;\s*/).map((d) => { const [name, ...values] = d.trim().split(/\s+/); return [name, values]; }));
}

describe("contentSecurityPolicy", () => {
  const csp = directives(contentSecurityPolicy({ source: { nonce: "abc123==" } }));

  it("runs only nonced scripts and what they load, never eval or inline script", () => {
    expect(csp.get("script-src")).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'"]);
    expect(contentSecurityPolicy({ source: { nonce: "n" } })).not.toMatch(/unsafe-eval/);
    expect(csp.get("script-src")).not.toContain("'unsafe-inline'");
  });

  it("allows style attributes but only nonced or same-origin style elements", () => {
    expect(csp.get("style-src")).toEqual(["'self'", "'nonce-abc123=='"]);
    expect(csp.get("style-src-attr")).toEqual(["'unsafe-inline'"]);
  });

  it("forbids framing, plugins, foreign forms and base URLs", () => {
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("form-action")).toEqual(["'self'"]);
    expect(csp.get("base-uri")).toEqual(["'self'"]);
    expect(csp.get("img-src")).toEqual(["'self'", "data:", "blob:"]);
    expect(csp.get("default-src")).toEqual(["'self'"]);
  });

  it("for prerendered pages: same-origin scripts and the page's hashed inline code, no nonce", () => {
    const hashed = directives(contentSecurityPolicy({ source: { hashes: { scripts: ["sha256-AAA=", "sha256-BBB="], styles: ["sha256-CCC="] } } }));
    expect(hashed.get("script-src")).toEqual(["'self'", "'sha256-AAA='", "'sha256-BBB='"]);
    expect(hashed.get("style-src")).toEqual(["'self'", "'sha256-CCC='"]);
    expect(hashed.get("frame-ancestors")).toEqual(["'none'"]);
  });

  it("adds eval and inline styles only for next dev", () => {
    const dev = directives(contentSecurityPolicy({ source: { nonce: "n" }, dev: true }));
    expect(dev.get("script-src")).toContain("'unsafe-eval'");
    expect(dev.get("style-src")).toContain("'unsafe-inline'");
  });
});

describe("securityHeaders", () => {
  it("sends the usual headers on every page, without X-Robots-Tag", () => {
    const h = securityHeaders({ source: { nonce: "n" }, pathname: "/modules/platform-basics" });
    expect(h["X-Content-Type-Options"]).toBe("nosniff");
    expect(h["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
    expect(h["X-Frame-Options"]).toBe("DENY");
    expect(h["Content-Security-Policy"]).toContain("'nonce-n'");
    expect(h).not.toHaveProperty("X-Robots-Tag");
  });

  it.each(["/verify/ABCD-EFGH-JKMN-PQRS", "/certificates/ABCD/pdf", "/verify"])("keeps %s out of referrers and indexes", (pathname) => {
    const h = securityHeaders({ source: { nonce: "n" }, pathname });
    expect(h["Referrer-Policy"]).toBe("no-referrer");
    expect(h["X-Robots-Tag"]).toBe("noindex, nofollow");
  });

  it("denies powerful features and isolates the browsing context on every path", () => {
    for (const pathname of ["/", "/verify/ABCD", "/modules/platform-basics/jd-overview"]) {
      const h = securityHeaders({ source: { nonce: "n" }, pathname });
      expect(h["Permissions-Policy"]).toBe(PERMISSIONS_POLICY);
      expect(h["Cross-Origin-Opener-Policy"]).toBe("same-origin");
    }
    const policy = new Map(PERMISSIONS_POLICY.split(", ").map((entry) => entry.split("=") as [string, string]));
    for (const feature of ["camera", "microphone", "geolocation", "payment", "usb", "serial", "hid", "display-capture"]) {
      expect(policy.get(feature), feature).toBe("()");
    }
    expect([...policy.values()].every((allow) => allow === "()")).toBe(true);
  });

  it("lesson pages and their sign-in redirect are never for a shared cache", () => {
    expect(LESSON_CACHE_CONTROL.split(/,\s*/)).toContain("private");
    expect(LESSON_CACHE_CONTROL).not.toMatch(/public|s-maxage/);
    expect(REDIRECT_CACHE_CONTROL.split(/,\s*/)).toEqual(expect.arrayContaining(["private", "no-store"]));
  });

  it("does not treat look-alike paths as certificate pages", () => {
    expect(securityHeaders({ source: { nonce: "n" }, pathname: "/verifying" })).not.toHaveProperty("X-Robots-Tag");
  });
});

describe("createNonce", () => {
  it("is 128 random bits in base64, different every time", () => {
    const a = createNonce();
    expect(a).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(createNonce()).not.toBe(a);
  });
});
