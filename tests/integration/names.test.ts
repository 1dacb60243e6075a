import { describe, expect, it } from "vitest";
import { auth } from "@/lib/auth/auth";
import { db } from "@/lib/db";
import { cookieHeader, ORIGIN, signUpInBrowser } from "./support/browser-session";

// Names are checked inside better-auth (lib/auth/name-rules.ts), so a request that skips the
// forms and posts to /api/auth directly is refused the same way.

let ip = 0;
function post(path: string, body: unknown, cookie?: string) {
  return auth.handler(
    new Request(`${ORIGIN}/api/auth${path}`, {
      method: "POST",
      // One client address per request: sign-ups are rate-limited per address.
      headers: { "content-type": "application/json", origin: ORIGIN, "x-forwarded-for": `203.0.113.${++ip}`, ...(cookie ? { cookie } : {}) },
      body: JSON.stringify(body),
    }),
  );
}

const CJK = /[\u4e00-\u9fff]/;
const BAD_NAMES: Record<string, unknown> = {
  "1 MB": "名".repeat(1_048_576),
  "51 characters": "名".repeat(51),
  empty: "",
  "only spaces": " \u3000  ",
  "a newline": "张\n三",
  "a tab": "张\t三",
  "a NUL": "张\u0000三",
  "a right-to-left override": "张\u202e三",
  "a left-to-right isolate": "\u2066张三\u2069",
  "a right-to-left mark": "张三\u200f",
  "a zero-width joiner": "张\u200d三",
  "a line separator": "张\u2028三",
  "a number": 42,
  "null": null,
};

describe("names at sign-up", () => {
  for (const [label, name] of Object.entries(BAD_NAMES)) {
    it(`refuses ${label} with 400, a zh-CN message and no user`, async () => {
      const email = `bad-${label.replace(/\W+/g, "-")}@example.com`;
      const res = await post("/sign-up/email", { name, email, password: "password123" });
      expect(res.status).toBe(400);
      const body = (await res.json()) as { code?: string; message?: string };
      // A name that is not a string at all is refused by better-auth's own body schema (its zod
      // message, in whatever locale zod is configured with) before the hooks run.
      if (typeof name === "string") {
        expect(body.code).toBe("INVALID_NAME");
        expect(body.message).toMatch(CJK);
      }
      expect(res.headers.getSetCookie()).toEqual([]);
      expect(await db.user.count({ where: { email } })).toBe(0);
    });
  }

  it("accepts 50 characters (code points, so 50 astral characters too) and stores the name trimmed", async () => {
    const fifty = "𠀀".repeat(25) + "欧阳".repeat(12) + "a";
    expect([...fifty]).toHaveLength(50);
    const res = await post("/sign-up/email", { name: `  ${fifty}\u3000`, email: "fifty@example.com", password: "password123" });
    expect(res.status).toBe(200);
    expect((await db.user.findUniqueOrThrow({ where: { email: "fifty@example.com" } })).name).toBe(fifty);
  });

  it("keeps a name with a middle dot and inner spaces, collapsing repeated spaces", async () => {
    const res = await post("/sign-up/email", { name: "阿卜杜·热合曼  Li  Lei", email: "dot@example.com", password: "password123" });
    expect(res.status).toBe(200);
    expect((await db.user.findUniqueOrThrow({ where: { email: "dot@example.com" } })).name).toBe("阿卜杜·热合曼 Li Lei");
  });
});

describe("names at update-user", () => {
  for (const [label, name] of Object.entries(BAD_NAMES)) {
    it(`refuses ${label} with 400 and a zh-CN message, leaving the name as it was`, async () => {
      const { id, cookie } = await signUpInBrowser("rename");
      const res = await post("/update-user", { name }, cookie);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { message?: string }).message).toMatch(CJK);
      expect((await db.user.findUniqueOrThrow({ where: { id } })).name).toBe("学员");
    });
  }

  it("stores a valid new name trimmed, and keeps one session cookie", async () => {
    const { id, cookie } = await signUpInBrowser("rename");
    const res = await post("/update-user", { name: " 李雷 " }, cookie);
    expect(res.status).toBe(200);
    expect((await db.user.findUniqueOrThrow({ where: { id } })).name).toBe("李雷");
    expect(res.headers.getSetCookie().length).toBeLessThanOrEqual(2);
    expect(cookieHeader(res).length).toBeLessThan(4096);
  });
});
