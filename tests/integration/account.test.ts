import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as progressPOST } from "@/app/api/progress/route";
import { auth } from "@/lib/auth/auth";
import { ACCOUNT_DEACTIVATED, ACCOUNT_DEACTIVATED_MESSAGE } from "@/lib/account/deactivation";
import { RESET_LINK_SECONDS } from "@/lib/account/reset-options";
import { RESET_REQUESTED } from "@/lib/account/schema";
import { db } from "@/lib/db";
import { saveSmtpSettings } from "@/lib/settings/queries";
import { cookieHeader, ORIGIN, signUpInBrowser } from "./support/browser-session";
import { startSmtp, type SmtpReceiver } from "./support/mail-servers";

// Issue 17, account recovery and control, through the paths a browser takes: better-auth's
// handler for sign-in, reset and change password; the app's actions with the request's own
// cookies (next/headers is this test's "current request"); the session code unmocked.

const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({ headers: async () => request.headers, cookies: async () => ({ get: () => undefined, getAll: () => [], set: () => undefined }) }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
// Outside Next there is no response to wait for: a task given to after() starts at once.
vi.mock("next/server", async (importOriginal) => ({ ...(await importOriginal<typeof import("next/server")>()), after: (task: () => unknown) => void task() }));
const actions = await import("@/lib/account/actions");
const { createSetPasswordTokens, setPasswordLinkOwner } = await import("@/lib/auth/set-password-links");
const { submitQuiz } = await import("@/lib/quiz/actions");
const { POST: answersPOST } = await import("@/app/api/assessment/attempts/[attemptId]/answers/route");
const { userFromHeaders } = await import("@/lib/auth/session");

const PASSWORD = "password123";
const as = (cookie: string, address = "203.0.113.9") => {
  request.headers = new Headers({ cookie, "x-forwarded-for": address });
};
const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
};
const who = (cookie: string) => userFromHeaders(new Headers({ cookie }));
const call = (path: string, body: object, cookie = "", address = "198.51.100.200") =>
  auth.handler(new Request(`${ORIGIN}/api/auth${path}`, { method: "POST", headers: { "content-type": "application/json", origin: ORIGIN, cookie, "x-forwarded-for": address }, body: JSON.stringify(body) }));
const signIn = (email: string, password = PASSWORD) => call("/sign-in/email", { email, password }, "", `192.0.2.${Math.floor(Math.random() * 250)}`);
const progress = (cookie: string) =>
  progressPOST(new Request(`${ORIGIN}/api/progress`, { method: "POST", headers: { "content-type": "application/json", origin: ORIGIN, cookie }, body: JSON.stringify({ lessonKey: "platform-basics/jd-overview" }) }));

async function signUpAdmin() {
  const admin = await signUpInBrowser("admin");
  await db.user.update({ where: { id: admin.id }, data: { role: "admin" } });
  return { ...admin, cookie: cookieHeader(await signIn(admin.email)) };
}

let smtp: SmtpReceiver;
beforeAll(async () => {
  smtp = await startSmtp();
  await saveSmtpSettings({ host: "127.0.0.1", port: smtp.port, secure: false, user: "", password: "", clearPassword: false, from: "training@example.com" });
});
afterAll(() => smtp.close());
afterEach(() => vi.useRealTimers());

async function mailTo(email: string): Promise<string> {
  await vi.waitFor(() => expect(smtp.mails.some((m) => m.to.includes(email))).toBe(true), { timeout: 15_000, interval: 100 });
  return smtp.mails.filter((m) => m.to.includes(email)).at(-1)!.text;
}
const tokenIn = (text: string) => /\/reset-password\?token=([A-Za-z0-9_-]+)/.exec(text)?.[1];

describe("忘记密码", () => {
  it("answers known and unknown emails alike; the known one gets a 1-hour link by SMTP that works once", async () => {
    const learner = await signUpInBrowser("forgot");
    const other = cookieHeader(await signIn(learner.email)); // a second device
    as("", "203.0.113.10");
    const known = await actions.requestPasswordResetAction(null, form({ email: learner.email }));
    const unknown = await actions.requestPasswordResetAction(null, form({ email: "nobody-here@example.com" }));
    expect(known).toEqual({ ok: true, message: RESET_REQUESTED });
    expect(unknown).toEqual(known);

    const text = await mailTo(learner.email);
    expect(smtp.mails.find((m) => m.to.includes(learner.email))!.subject).toBe("重置你的京东运营线上培训密码");
    expect(text).toContain("1 小时内");
    const token = tokenIn(text)!;
    expect(token).toBeTruthy();
    const row = await db.verification.findFirstOrThrow({ where: { identifier: `reset-password:${token}` } });
    expect(Math.round((row.expiresAt.getTime() - Date.now()) / 1000)).toBeGreaterThan(RESET_LINK_SECONDS - 60);
    expect(row.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(RESET_LINK_SECONDS * 1000);
    // No mail, token or outbox row for the unknown address.
    expect(await db.outboundMessage.count({ where: { recipient: "nobody-here@example.com" } })).toBe(0);

    // The set-password page (decision 030) serves it, as a reset: the account has a password.
    expect(await setPasswordLinkOwner(token)).toEqual({ name: "学员", email: learner.email, hasPassword: true });
    expect((await call("/reset-password", { token, newPassword: "new-password-1" })).status).toBe(200);
    expect(await setPasswordLinkOwner(token)).toBeNull();
    expect((await signIn(learner.email)).status).toBe(401);
    expect((await signIn(learner.email, "new-password-1")).status).toBe(200);
    // The link works once; the other devices' sessions ended, their next request is refused.
    const again = await call("/reset-password", { token, newPassword: "new-password-2" });
    expect(again.status).toBe(400);
    expect(await again.json()).toMatchObject({ code: "INVALID_TOKEN" });
    expect(await who(other)).toBeNull();
    expect(await who(learner.cookie)).toBeNull();
  });

  it("a staff-import link still reads as a first password (no credential account yet)", async () => {
    const user = await db.user.create({ data: { id: "imported-1", name: "新员工", email: "imported-1@example.com" } });
    const tokens = await db.$transaction((tx) => createSetPasswordTokens(tx, [user.id], new Date(Date.now() + 60_000)));
    expect(await setPasswordLinkOwner(tokens.get(user.id)!)).toEqual({ name: "新员工", email: "imported-1@example.com", hasPassword: false });
  });

  it("stops working after an hour", async () => {
    const learner = await signUpInBrowser("expired");
    as("", "203.0.113.11");
    await actions.requestPasswordResetAction(null, form({ email: learner.email }));
    const token = tokenIn(await mailTo(learner.email))!;
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + (RESET_LINK_SECONDS + 1) * 1000);
    expect(await (await call("/reset-password", { token, newPassword: "new-password-1" })).json()).toMatchObject({ code: "INVALID_TOKEN" });
  });

  it("refuses bad input in Chinese, is limited per address like sign-in, and is not reachable on better-auth's own endpoint", async () => {
    as("", "203.0.113.12");
    expect(await actions.requestPasswordResetAction(null, form({ email: "not-an-email" }))).toEqual({ ok: false, message: "邮箱格式不正确" });
    expect(await actions.requestPasswordResetAction(null, "x" as unknown as FormData)).toMatchObject({ ok: false });
    const limit = Number(process.env.SIGN_IN_LIMIT_PER_MINUTE ?? 5);
    const answers = [];
    for (let i = 0; i <= limit; i++) answers.push(await actions.requestPasswordResetAction(null, form({ email: `n${i}@example.com` })));
    expect(answers.at(-1)).toEqual({ ok: false, message: "尝试次数过多，请 1 分钟后再试。" });
    expect(answers.slice(0, limit).every((a) => a?.ok)).toBe(true);
    expect((await call("/request-password-reset", { email: "n1@example.com" })).status).toBe(404);
  });
});

describe("账号与安全", () => {
  it("changing the password ends the other sessions and keeps this device signed in", async () => {
    const learner = await signUpInBrowser("change");
    const phone = cookieHeader(await signIn(learner.email));
    const res = await call("/change-password", { currentPassword: PASSWORD, newPassword: "changed-pass-1", revokeOtherSessions: true }, learner.cookie);
    expect(res.status).toBe(200);
    expect(await who(cookieHeader(res))).toMatchObject({ id: learner.id });
    expect(await who(phone)).toBeNull();
    expect((await progress(phone)).status).toBe(401);
    expect((await signIn(learner.email)).status).toBe(401);
    const wrong = await call("/change-password", { currentPassword: "wrong-password", newPassword: "changed-pass-2" }, cookieHeader(res));
    expect(wrong.status).toBe(400);
  });

  it("ends one of the asker's own sessions, or all the others, at once and never someone else's", async () => {
    const learner = await signUpInBrowser("sessions");
    const phone = cookieHeader(await signIn(learner.email));
    const tablet = cookieHeader(await signIn(learner.email));
    const stranger = await signUpInBrowser("stranger");
    const strangerSession = await db.session.findFirstOrThrow({ where: { userId: stranger.id } });
    const phoneSession = (await db.session.findMany({ where: { userId: learner.id }, orderBy: { createdAt: "asc" } }))[1];
    const here = (await db.session.findMany({ where: { userId: learner.id }, orderBy: { createdAt: "asc" } }))[0];

    as(learner.cookie);
    expect(await actions.endOwnSessionAction(null, form({ sessionId: strangerSession.id }))).toEqual({ ok: false, message: "该登录已结束，请刷新页面。" });
    expect(await who(stranger.cookie)).toMatchObject({ id: stranger.id });
    expect(await actions.endOwnSessionAction(null, form({ sessionId: here.id }))).toMatchObject({ ok: false, message: expect.stringContaining("退出登录") });
    expect(await actions.endOwnSessionAction(null, form({ sessionId: "" }))).toMatchObject({ ok: false });

    expect(await actions.endOwnSessionAction(null, form({ sessionId: phoneSession.id }))).toMatchObject({ ok: true });
    // The phone's cache cookie is still fresh, but its next request is refused (decision 036).
    expect(await who(phone)).toBeNull();
    expect(await who(tablet)).toMatchObject({ id: learner.id });

    expect(await actions.endOtherSessionsAction(null, form({}))).toEqual({ ok: true, message: "已退出其他 1 个设备。" });
    expect(await who(tablet)).toBeNull();
    expect(await who(learner.cookie)).toMatchObject({ id: learner.id });
    expect(await actions.endOtherSessionsAction(null, form({}))).toEqual({ ok: true, message: "没有其他设备登录。" });

    as(phone);
    expect(await actions.endOtherSessionsAction(null, form({}))).toEqual({ ok: false, message: "登录已失效，请重新登录。" });
    expect(await who(learner.cookie)).toMatchObject({ id: learner.id });
  });
});

describe("停用账号", () => {
  it("only an admin deactivates, never themselves; department heads and trainers are refused", async () => {
    const learner = await signUpInBrowser("target");
    for (const role of ["dept_head", "trainer", "learner"] as const) {
      const staff = await signUpInBrowser(role);
      await db.user.update({ where: { id: staff.id }, data: { role } });
      as(cookieHeader(await signIn(staff.email)));
      expect(await actions.setDeactivatedAction(null, form({ userId: learner.id, deactivate: "yes" }))).toEqual({ ok: false, message: "只有管理员可以停用或恢复账号。" });
    }
    const admin = await signUpAdmin();
    as(admin.cookie);
    expect(await actions.setDeactivatedAction(null, form({ userId: admin.id, deactivate: "yes" }))).toMatchObject({ ok: false, message: expect.stringContaining("不能停用自己") });
    expect(await actions.setDeactivatedAction(null, form({ userId: learner.id, deactivate: "maybe" }))).toMatchObject({ ok: false });
    expect(await actions.setDeactivatedAction(null, form({ userId: "nobody", deactivate: "yes" }))).toEqual({ ok: false, message: "找不到该用户，可能已被删除。" });
    expect((await db.user.findUniqueOrThrow({ where: { id: learner.id } })).deactivatedAt).toBeNull();
    expect(await who(learner.cookie)).toMatchObject({ id: learner.id });
  });

  it("ends every session at once, refuses every new one by any path, keeps the records; reactivation lets them in", async () => {
    const learner = await signUpInBrowser("deactivated");
    const phone = cookieHeader(await signIn(learner.email));
    expect((await progress(phone)).status).toBe(200);
    const admin = await signUpAdmin();
    as(admin.cookie);
    expect(await actions.setDeactivatedAction(null, form({ userId: learner.id, deactivate: "yes" }))).toMatchObject({ ok: true, message: expect.stringContaining("（2 个）") });

    // The phone's cache cookie is fresh: its next page, route and write are refused all the same.
    expect(await who(phone)).toBeNull();
    const refused = await progress(phone);
    expect(refused.status).toBe(401);
    expect((await refused.json()).message).toMatch(/[\u4e00-\u9fff]/);
    expect(await db.lessonProgress.count({ where: { userId: learner.id } })).toBe(1);
    // The quiz (a server action) and the 结业考核 autosave (a route handler) refuse it too.
    as(phone);
    expect(await submitQuiz({ moduleSlug: "platform-basics", sittingId: "s", answers: [] })).toEqual({ ok: false, message: "登录已过期，请重新登录后再提交。" });
    const save = await answersPOST(
      new Request(`${ORIGIN}/api/assessment/attempts/a1/answers`, { method: "POST", headers: { "content-type": "application/json", origin: ORIGIN, cookie: phone }, body: JSON.stringify({ answers: {} }) }),
      { params: Promise.resolve({ attemptId: "a1" }) },
    );
    expect(save.status).toBe(401);

    const signInAgain = await signIn(learner.email);
    expect(signInAgain.status).toBe(403);
    expect(await signInAgain.json()).toMatchObject({ code: ACCOUNT_DEACTIVATED, message: ACCOUNT_DEACTIVATED_MESSAGE });
    // Nor through a reset: no mail is sent, and a token redeemed anyway creates no session.
    as("", "203.0.113.20");
    await actions.requestPasswordResetAction(null, form({ email: learner.email }));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await db.outboundMessage.count({ where: { recipient: learner.email } })).toBe(0);
    expect(await db.session.count({ where: { userId: learner.id } })).toBe(0);

    as(admin.cookie);
    expect(await actions.setDeactivatedAction(null, form({ userId: learner.id, deactivate: "no" }))).toEqual({ ok: true, message: "已恢复该账号，对方可以重新登录。" });
    const back = await signIn(learner.email);
    expect(back.status).toBe(200);
    expect(await who(cookieHeader(back))).toMatchObject({ id: learner.id });
    expect(await db.lessonProgress.count({ where: { userId: learner.id } })).toBe(1);
  });

  it("a session created in the instant before the deactivation committed reads as none", async () => {
    const learner = await signUpInBrowser("raced");
    await db.user.update({ where: { id: learner.id }, data: { deactivatedAt: new Date() } });
    const tokenOnly = learner.cookie.split("; ").filter((c) => !c.includes("session_data=")).join("; ");
    expect(await who(tokenOnly)).toBeNull();
    expect(await who(learner.cookie)).toBeNull();
  });
});
