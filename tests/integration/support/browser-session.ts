// A signed-up user as a browser holds them: the cookies better-auth's handler set at sign-up
// (the session token and, with the cookie cache, the session-cache cookie).
import { expect } from "vitest";
import { auth } from "@/lib/auth/auth";
import { db } from "@/lib/db";

export const ORIGIN = "http://localhost:3000";

let n = 0;

export async function signUpInBrowser(prefix = "browser"): Promise<{ id: string; email: string; cookie: string }> {
  const email = `${prefix}${n++}@example.com`;
  const res = await auth.handler(
    new Request(`${ORIGIN}/api/auth/sign-up/email`, {
      method: "POST",
      // One client address per account: sign-ups are rate-limited per address.
      headers: { "content-type": "application/json", origin: ORIGIN, "x-forwarded-for": `198.51.100.${n}` },
      body: JSON.stringify({ name: "学员", email, password: "password123" }),
    }),
  );
  expect(res.status).toBe(200);
  const { id } = await db.user.findUniqueOrThrow({ where: { email } });
  return { id, email, cookie: cookieHeader(res) };
}

/** The Cookie header a browser sends after this response (name=value of each Set-Cookie). */
export function cookieHeader(res: Response): string {
  return res.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
}
