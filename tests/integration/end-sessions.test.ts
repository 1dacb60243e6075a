import { afterEach, describe, expect, it, vi } from "vitest";
import { auth } from "@/lib/auth/auth";
import { SESSION_CACHE_SECONDS } from "@/lib/auth/session-lifetimes";
import type { CurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { NOT_A_FORM } from "@/lib/security/input";
import { cookieHeader, signUpInBrowser } from "./support/browser-session";

// The acting admin is stubbed (getVerifiedUser); the signed-out user's cookies go through the real
// session code, as their next request would.
const acting = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth/session")>()),
  getVerifiedUser: async () => acting.user,
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
const { endSessionsAction } = await import("@/lib/admin/actions");
const { userFromHeaders } = await import("@/lib/auth/session");

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
};
const as = (role: CurrentUser["role"]) => {
  acting.user = { id: `${role}-acting`, name: role, email: `${role}-acting@example.com`, role };
};
const who = (cookie: string) => userFromHeaders(new Headers({ cookie }));

afterEach(() => vi.useRealTimers());

describe("结束该用户的全部登录 (admin ends a user's sessions)", () => {
  it("is refused to trainers, learners and strangers, and changes nothing", async () => {
    const { id, cookie } = await signUpInBrowser("kept");
    for (const role of ["trainer", "learner"] as const) {
      as(role);
      expect(await endSessionsAction(null, form({ userId: id }))).toEqual({ ok: false, message: "只有管理员可以结束用户的登录。" });
    }
    acting.user = null;
    expect(await endSessionsAction(null, form({ userId: id }))).toMatchObject({ ok: false });
    expect(await db.session.count({ where: { userId: id } })).toBe(1);
    expect(await who(cookie)).toMatchObject({ id });
  });

  it("answers bad input in Chinese", async () => {
    as("admin");
    expect(await endSessionsAction(null, form({}))).toEqual({ ok: false, message: "用户编号无效" });
    expect(await endSessionsAction(null, form({ userId: "x".repeat(65) }))).toEqual({ ok: false, message: "用户编号无效" });
    expect(await endSessionsAction(null, form({ userId: "nobody" }))).toEqual({ ok: false, message: "找不到该用户，可能已被删除。" });
    expect(await endSessionsAction(null, "userId=x" as unknown as FormData)).toEqual({ ok: false, message: NOT_A_FORM });
  });

  it("deletes every session of the user: a learner is signed out at once, the cache cookie notwithstanding", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const ended = await signUpInBrowser("ended");
    const { id } = ended;
    const bystander = await signUpInBrowser("bystander");
    as("admin");
    const result = await endSessionsAction(null, form({ userId: id }));
    expect(result).toEqual({ ok: true, message: "已结束该用户的全部登录（1 个）。对方的下一次访问需要重新登录。" });
    expect(await db.session.count({ where: { userId: id } })).toBe(0);
    expect(await db.session.count({ where: { userId: bystander.id } })).toBe(1);
    expect(await who(ended.cookie)).toBeNull();
    expect(await who(bystander.cookie)).toMatchObject({ id: bystander.id });

    vi.setSystemTime(Date.now() + (SESSION_CACHE_SECONDS + 1) * 1000);
    expect(await who(ended.cookie)).toBeNull();
    expect(await who(bystander.cookie)).toMatchObject({ id: bystander.id });
    expect(await endSessionsAction(null, form({ userId: id }))).toEqual({ ok: true, message: "该用户当前没有登录，无需结束。" });
  });

  it("signs a trainer out at once: staff rights are never read from the cookie", async () => {
    const trainer = await signUpInBrowser("trainer");
    await db.user.update({ where: { id: trainer.id }, data: { role: "trainer" } });
    // Signed in again as a trainer, on a second device: both sessions end.
    const res = await auth.api.signInEmail({ body: { email: trainer.email, password: "password123" }, asResponse: true });
    const cookie = cookieHeader(res);
    expect(await who(cookie)).toMatchObject({ id: trainer.id, role: "trainer" });
    as("admin");
    expect(await endSessionsAction(null, form({ userId: trainer.id }))).toMatchObject({ ok: true, message: expect.stringContaining("（2 个）") });
    expect(await who(cookie)).toBeNull();
  });
});
