import { describe, expect, it } from "vitest";
import { auth } from "@/lib/auth/auth";
import { userFromHeaders } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { cookieHeader, signUpInBrowser } from "./support/browser-session";

// Decision 010: a learner may be read from better-auth's session-cache cookie; a staff role never is.
const headers = (cookie: string) => new Headers({ cookie });

describe("the session-cache cookie", () => {
  it("answers for a learner without the database, even after the session is deleted (up to 5 minutes)", async () => {
    const { id, cookie } = await signUpInBrowser("cache");
    expect(cookie).toContain("session_data=");
    await db.session.deleteMany({ where: { userId: id } });
    expect(await userFromHeaders(headers(cookie))).toMatchObject({ id, role: "learner" });
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
});
