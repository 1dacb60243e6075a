// OpenID Connect company sign-in through better-auth's handler against a real provider
// (oidc-provider, started here): discovery, PKCE, the ID token's signature and nonce, the
// department claim, and a code used twice.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auth } from "@/lib/auth/auth";
import { db } from "@/lib/db";
import { saveSsoSettings } from "@/lib/sso/queries";
import { startIdentityProvider } from "../e2e/identity-provider";
import { cookieHeader, ORIGIN } from "./support/browser-session";

const CALLBACK = `${ORIGIN}/api/auth/callback/sso`;
const EMPLOYEE = { login: "emp-7", email: "emp7@demo-corp.example.com", name: "员工七", department: "演示公司/华北大区/北京一组" };
let idp: Awaited<ReturnType<typeof startIdentityProvider>>;

beforeAll(async () => {
  idp = await startIdentityProvider({ clientId: "course-app", clientSecret: "oidc-secret", redirectUri: CALLBACK, employees: [EMPLOYEE] });
  const root = await db.department.create({ data: { id: "r", name: "演示公司", parentId: null, path: "r/", depth: 0 } });
  const north = await db.department.create({ data: { id: "n", name: "华北大区", parentId: root.id, path: "r/n/", depth: 1 } });
  await db.department.create({ data: { id: "b", name: "北京一组", parentId: north.id, path: "r/n/b/", depth: 2 } });
  await saveSsoSettings({
    enabled: true, kind: "oidc", issuer: idp.issuer, clientId: "course-app", clientSecret: "oidc-secret", agentId: "",
    scopes: "openid profile email department", buttonLabel: "企业账号登录", departmentClaim: "department", roleClaim: "", ssoOnly: false,
  });
});
afterAll(() => idp.close());

/** A browser at the identity provider: logs in and consents on its development pages, returns the callback URL. */
async function throughProvider(authorize: string): Promise<URL> {
  const jar = new Map<string, string>();
  const cookies = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  let url = authorize;
  let body: URLSearchParams | undefined;
  for (let hop = 0; hop < 20; hop++) {
    const res = await fetch(url, { method: body ? "POST" : "GET", body, redirect: "manual", headers: { cookie: cookies(), ...(body ? { "content-type": "application/x-www-form-urlencoded" } : {}) } });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const at = pair.indexOf("=");
      jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
    body = undefined;
    const location = res.headers.get("location");
    if (location) {
      const next = new URL(location, url);
      if (next.href.startsWith(CALLBACK)) return next;
      url = next.href;
      continue;
    }
    const html = await res.text();
    body = html.includes('name="login"') ? new URLSearchParams({ prompt: "login", login: EMPLOYEE.login, password: "x" }) : new URLSearchParams({ prompt: "consent" });
    url = new URL(html.match(/action="([^"]+)"/)![1], url).href;
  }
  throw new Error("the identity provider never sent the browser back");
}

async function start(ip: string) {
  const res = await auth.handler(
    new Request(`${ORIGIN}/api/auth/sign-in/social`, { method: "POST", headers: { "content-type": "application/json", origin: ORIGIN, "x-forwarded-for": ip }, body: JSON.stringify({ provider: "sso", callbackURL: "/", errorCallbackURL: "/sign-in/error" }) }),
  );
  expect(res.status).toBe(200);
  return { authorize: ((await res.json()) as { url: string }).url, cookie: cookieHeader(res) };
}
const callback = (url: URL, cookie: string, ip: string) => auth.handler(new Request(url, { headers: { cookie, "x-forwarded-for": ip } }));

describe("OIDC sign-in against oidc-provider", () => {
  it("creates a learner in the claimed department; a used code and a tampered state are refused", async () => {
    const first = await start("192.0.2.1");
    const authorize = new URL(first.authorize);
    expect(authorize.origin).toBe(idp.issuer);
    expect(authorize.searchParams.get("nonce")).toBeTruthy();
    expect(authorize.searchParams.get("code_challenge_method")).toBe("S256");
    const back = await throughProvider(first.authorize);
    const done = await callback(back, first.cookie, "192.0.2.1");
    expect(done.status).toBe(302);
    expect(done.headers.get("location")).toBe("/");
    const user = await db.user.findUniqueOrThrow({ where: { email: EMPLOYEE.email }, include: { department: true } });
    expect(user).toMatchObject({ role: "learner", name: "员工七", emailVerified: true, department: { name: "北京一组" } });

    // The same code again, under a fresh and valid state.
    const second = await start("192.0.2.2");
    const fresh = await throughProvider(second.authorize);
    fresh.searchParams.set("code", back.searchParams.get("code")!);
    const replay = await callback(fresh, second.cookie, "192.0.2.2");
    expect(replay.headers.get("location")).toBe("/sign-in/error?error=invalid_code");

    const third = await start("192.0.2.3");
    const tampered = await throughProvider(third.authorize);
    tampered.searchParams.set("state", `${tampered.searchParams.get("state")}x`);
    expect((await callback(tampered, third.cookie, "192.0.2.3")).headers.get("location")).toMatch(/^\/sign-in\/error\?error=state_/);

    // A fresh, untouched sign-in reuses the account.
    const fourth = await start("192.0.2.4");
    expect((await callback(await throughProvider(fourth.authorize), fourth.cookie, "192.0.2.4")).headers.get("location")).toBe("/");
    expect(await db.user.count({ where: { email: EMPLOYEE.email } })).toBe(1);
  });

  it("answers 404, not 500, while the provider cannot be reached, and works again once it can", async () => {
    const down = { enabled: true, kind: "oidc" as const, issuer: "http://127.0.0.1:9", clientId: "course-app", clientSecret: "oidc-secret", agentId: "", scopes: "", buttonLabel: "企业账号登录", departmentClaim: "", roleClaim: "", ssoOnly: false };
    await saveSsoSettings(down);
    const headers = { "content-type": "application/json", origin: ORIGIN, "x-forwarded-for": "192.0.2.9" };
    const body = JSON.stringify({ provider: "sso", callbackURL: "/", errorCallbackURL: "/sign-in/error" });
    const refused = await auth.handler(new Request(`${ORIGIN}/api/auth/sign-in/social`, { method: "POST", headers, body }));
    expect(refused.status).toBe(404);
    await saveSsoSettings({ ...down, issuer: idp.issuer, scopes: "openid profile email department", departmentClaim: "department" });
    expect((await auth.handler(new Request(`${ORIGIN}/api/auth/sign-in/social`, { method: "POST", headers, body }))).status).toBe(200);
  });
});
