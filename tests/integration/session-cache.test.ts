import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { GET } from "@/app/api/me/route";
import { auth } from "@/lib/auth/auth";
import { SESSION_CACHE_SECONDS } from "@/lib/auth/session-lifetimes";
import { sessionQuery, userFromHeaders } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { cookieHeader, ORIGIN, signUpInBrowser } from "./support/browser-session";

// Decision 010: a learner may be read from better-auth's session-cache cookie; a staff role never is.
const headers = (cookie: string) => new Headers({ cookie });

describe("the session-cache cookie", () => {
  it("answers for a learner from the cookie, checking only that the session still stands: a deleted one is refused at once", async () => {
    const { id, cookie } = await signUpInBrowser("cache");
    expect(cookie).toContain("session_data=");
    expect(await userFromHeaders(headers(cookie))).toMatchObject({ id, role: "learner" });
    // Decision 036 (superseding 010's window): the cache cookie is still fresh, the session is gone.
    await db.session.deleteMany({ where: { userId: id } });
    expect(await userFromHeaders(headers(cookie))).toBeNull();
    // Without the cache cookie the same session is gone.
    const tokenOnly = cookie.split("; ").filter((c) => !c.includes("session_data=")).join("; ");
    expect(await userFromHeaders(headers(tokenOnly))).toBeNull();
  });

  it("never grants a staff role from the cookie: a demoted trainer is a learner at once", async () => {
    const { id, email } = await signUpInBrowser("cache");
    await db.user.update({ where: { id }, data: { role: "trainer" } });
    // A cache cookie written while they were a trainer.
    const res = await auth.api.signInEmail({ body: { email, password: "password123" }, asResponse: true });
    const trainerCookie = cookieHeader(res);
    expect(await userFromHeaders(headers(trainerCookie))).toMatchObject({ id, role: "trainer" });

    await db.user.update({ where: { id }, data: { role: "learner" } });
    expect(await userFromHeaders(headers(trainerCookie))).toMatchObject({ id, role: "learner" });
    await db.session.deleteMany({ where: { userId: id } });
    expect(await userFromHeaders(headers(trainerCookie))).toBeNull();
  });

  it("is renewed by route handlers, never by a learner's server action (a Set-Cookie there renders the page)", async () => {
    const { id, cookie } = await signUpInBrowser("renew");
    // As after the bound: the browser has dropped the cache cookie, the session cookie remains.
    const lapsed = cookie.split("; ").filter((c) => !c.includes("session_data=")).join("; ");
    const lookup = (requestHeaders: Headers) =>
      auth.api.getSession({ headers: requestHeaders, query: sessionQuery(requestHeaders, false), returnHeaders: true });

    const route = await lookup(headers(lapsed));
    expect(route.response?.user.id).toBe(id);
    expect(route.headers.getSetCookie().some((c) => c.includes("session_data="))).toBe(true);

    const action = await lookup(new Headers({ cookie: lapsed, "next-action": "7f00" }));
    expect(action.response?.user.id).toBe(id);
    expect(action.headers.getSetCookie()).toEqual([]);
  });

  describe("the bound on a signed-out session (decision 010)", () => {
    afterEach(() => vi.useRealTimers());
    const me = async (cookie: string) => (await GET(new NextRequest(`${ORIGIN}/api/me`, { headers: { cookie } }))).status;

    it("is 30 seconds unless configured, never more than 60, and is the cache cookie's Max-Age", async () => {
      if (!process.env.SESSION_CACHE_SECONDS) expect(SESSION_CACHE_SECONDS).toBe(30);
      expect(SESSION_CACHE_SECONDS).toBeLessThanOrEqual(60);
      const res = await auth.api.signInEmail({ body: { email: (await signUpInBrowser("bound")).email, password: "password123" }, asResponse: true });
      const data = res.headers.getSetCookie().find((c) => c.includes("session_data="));
      expect(data).toContain(`Max-Age=${SESSION_CACHE_SECONDS}`);
    });

    it("a copy of the cookies kept after sign-out stops working at once, and stays refused after the bound", async () => {
      // Only Date is faked: better-auth reads the cache cookie's expiry from Date.now().
      vi.useFakeTimers({ toFake: ["Date"] });
      const { id, cookie } = await signUpInBrowser("signout");
      expect(await me(cookie)).toBe(200);
      const signOut = await auth.handler(new Request(`${ORIGIN}/api/auth/sign-out`, { method: "POST", headers: { cookie, origin: ORIGIN } }));
      expect(signOut.status).toBe(200);
      expect(await db.session.count({ where: { userId: id } })).toBe(0);

      expect(await me(cookie)).toBe(401); // decision 036: no window left
      vi.setSystemTime(Date.now() + (SESSION_CACHE_SECONDS + 1) * 1000);
      expect(await me(cookie)).toBe(401);
    });
  });
});
