import { describe, expect, it } from "vitest";
import { auth } from "@/lib/auth/auth";
import { userFromHeaders } from "@/lib/auth/session";
import { db } from "@/lib/db";

// Decision 010: a learner may be read from better-auth's session-cache cookie; a staff role never is.
const ORIGIN = "http://localhost:3000";

let n = 0;
/** Signs up over better-auth's handler, as the form does; returns the browser's Cookie header. */
async function signUp(): Promise<{ id: string; email: string; cookie: string }> {
  const email = `cache${n++}@example.com`;
  const res = await auth.handler(
    new Request(`${ORIGIN}/api/auth/sign-up/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: ORIGIN, "x-forwarded-for": `192.0.2.${n}` },
      body: JSON.stringify({ name: "学员", email, password: "password123" }),
    }),
  );
  expect(res.status).toBe(200);
  const cookies = res.headers.getSetCookie().map((c) => c.split(";")[0]);
  expect(cookies.some((c) => c.includes("session_data="))).toBe(true);
  const { id } = await db.user.findUniqueOrThrow({ where: { email } });
  return { id, email, cookie: cookies.join("; ") };
}

const headers = (cookie: string) => new Headers({ cookie });

describe("the session-cache cookie", () => {
  it("answers for a learner without the database, even after the session is deleted (up to 5 minutes)", async () => {
    const { id, cookie } = await signUp();
    await db.session.deleteMany({ where: { userId: id } });
    expect(await userFromHeaders(headers(cookie))).toMatchObject({ id, role: "learner" });
    // Without the cache cookie the same session is gone.
    const tokenOnly = cookie.split("; ").filter((c) => !c.includes("session_data=")).join("; ");
    expect(await userFromHeaders(headers(tokenOnly))).toBeNull();
  });

  it("never grants a staff role from the cookie: a demoted trainer is a learner at once", async () => {
    const { id, email } = await signUp();
    await db.user.update({ where: { id }, data: { role: "trainer" } });
    // A cookie written while they were a trainer (signed in after the promotion).
    const res = await auth.api.signInEmail({ body: { email, password: "password123" }, asResponse: true });
    const trainerCookie = res.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    expect(await userFromHeaders(headers(trainerCookie))).toMatchObject({ id, role: "trainer" });

    await db.user.update({ where: { id }, data: { role: "learner" } });
    expect(await userFromHeaders(headers(trainerCookie))).toMatchObject({ id, role: "learner" });
    await db.session.deleteMany({ where: { userId: id } });
    expect(await userFromHeaders(headers(trainerCookie))).toBeNull();
  });
});
