import { describe, expect, it } from "vitest";
import { auth, SIGN_IN_LIMIT } from "@/lib/auth/auth";
import { db } from "@/lib/db";

const ORIGIN = "http://localhost:3000";

function post(path: string, body: unknown, ip = "203.0.113.7") {
  return auth.handler(
    new Request(`${ORIGIN}/api/auth${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: ORIGIN, "x-forwarded-for": ip },
      body: JSON.stringify(body),
    }),
  );
}

describe("accounts", () => {
  it("signs up as a learner, whatever role the request asks for", async () => {
    const res = await post("/sign-up/email", { name: "新学员", email: "new@example.com", password: "password123", role: "admin" });
    expect(res.status).toBeLessThan(500);
    const user = await db.user.findUnique({ where: { email: "new@example.com" } });
    expect(user?.role).toBe("learner");
  });

  it("hashes passwords and sets an HttpOnly SameSite session cookie", async () => {
    const res = await post("/sign-up/email", { name: "学员", email: "cookie@example.com", password: "password123" });
    expect(res.status).toBe(200);
    const cookie = res.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const account = await db.account.findFirstOrThrow({ where: { user: { email: "cookie@example.com" } } });
    expect(account.password).not.toContain("password123");
  });

  it("refuses a wrong password with 401", async () => {
    await post("/sign-up/email", { name: "学员", email: "wrong@example.com", password: "password123" }, "198.51.100.1");
    const res = await post("/sign-in/email", { email: "wrong@example.com", password: "nope-nope" }, "198.51.100.1");
    expect(res.status).toBe(401);
  });

  it("rate-limits sign-in attempts per client, in the database", async () => {
    const ip = "192.0.2.44";
    const statuses: number[] = [];
    for (let i = 0; i <= SIGN_IN_LIMIT.max; i++) {
      statuses.push((await post("/sign-in/email", { email: "nobody@example.com", password: "whatever1" }, ip)).status);
    }
    expect(statuses.slice(0, SIGN_IN_LIMIT.max).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    expect(await db.rateLimit.count()).toBeGreaterThan(0);
    // Another client is not affected.
    expect((await post("/sign-in/email", { email: "nobody@example.com", password: "whatever1" }, "192.0.2.45")).status).toBe(401);
  });
});
