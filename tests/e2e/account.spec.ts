import { expect, test, type Browser, type Page } from "@playwright/test";
import { SMTP_SETTING_KEY } from "../../lib/settings/schema";
import { startSmtp, type SmtpReceiver } from "../integration/support/mail-servers";
import { expectAccessible } from "./axe";
import { withDb } from "./db";
import { signIn, signOut, signUp } from "./helpers";

// Issue 17, account recovery and control, as people do it: 忘记密码 with a real SMTP server started
// here, 账号与安全 (change password, devices), and an admin deactivating a learner who is signed in
// on a phone. "The next request is refused" is checked without waiting out the 30 s session
// cache (decision 036).

let smtp: SmtpReceiver;
test.beforeAll(async () => {
  smtp = await startSmtp();
  const value = JSON.stringify({ host: "127.0.0.1", port: smtp.port, secure: false, user: "", password: "", from: "training@example.com" });
  await withDb((db) => db.setting.upsert({ where: { key: SMTP_SETTING_KEY }, create: { key: SMTP_SETTING_KEY, value }, update: { value } }));
});
test.afterAll(async () => {
  await withDb((db) => db.setting.deleteMany({ where: { key: SMTP_SETTING_KEY } }));
  await smtp.close();
});

async function phone(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 375, height: 740 }, locale: "zh-CN" });
  return context.newPage();
}

test("忘记密码: the mail arrives, its link sets a new password once, the old password stops working", async ({ page }) => {
  const { email, password } = await signUp(page, "忘记密码学员");
  await signOut(page);

  await page.getByRole("link", { name: "忘记密码？" }).click();
  await expect(page.getByRole("heading", { name: "忘记密码", level: 1 })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("注册时使用的邮箱").fill(email);
  await page.getByRole("button", { name: "发送重置链接" }).click();
  await expect(page.getByRole("status").filter({ hasText: "如果该邮箱已注册" })).toBeVisible();

  await expect.poll(() => smtp.mails.filter((m) => m.to.includes(email)).length, { timeout: 30_000 }).toBe(1);
  const mail = smtp.mails.find((m) => m.to.includes(email))!;
  expect(mail.subject).toBe("重置你的京东运营线上培训密码");
  const link = /http:\/\/\S+\/reset-password\?token=[A-Za-z0-9_-]+/.exec(mail.text)![0];
  expect(new URL(link).origin).toBe(new URL(page.url()).origin);

  await page.goto(link);
  await expect(page.getByRole("heading", { name: "重置密码", level: 1 })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("新密码（至少 8 位）").fill("brand-new-pass");
  await page.getByLabel("确认密码").fill("brand-new-pass");
  await page.getByRole("button", { name: "设置密码并登录" }).click();
  await expect(page.getByRole("heading", { name: "京东运营线上培训", level: 1 })).toBeVisible();
  await signOut(page);

  await signIn(page, email, password);
  await expect(page.locator(".form__error")).toHaveText("邮箱或密码不正确。");
  await page.goto(link);
  await expect(page.locator(".form__error")).toContainText("链接无效、已使用或已过期");
  await page.goto("/sign-in");
  await signIn(page, email, "brand-new-pass");
  await expect(page.getByRole("heading", { name: "京东运营线上培训", level: 1 })).toBeVisible();

  // An unknown address gets the same answer, and no mail.
  await page.goto("/forgot-password");
  await page.getByLabel("注册时使用的邮箱").fill("nobody-at-all@example.com");
  await page.getByRole("button", { name: "发送重置链接" }).click();
  await expect(page.getByRole("status").filter({ hasText: "如果该邮箱已注册" })).toBeVisible();
});

test("账号与安全: changing the password ends the other browser's session at once; 退出所有其他设备 too", async ({ page, browser }) => {
  const { email, password } = await signUp(page, "改密码学员");
  const other = await phone(browser);
  await other.goto("/sign-in");
  await signIn(other, email, password);
  await expect(other.getByRole("heading", { name: "京东运营线上培训", level: 1 })).toBeVisible();

  await page.getByRole("link", { name: "账号与安全" }).click();
  await expect(page.getByRole("heading", { name: "账号与安全", level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "登录设备（2）" })).toBeVisible();
  await expect(page.getByText("本机", { exact: true })).toHaveCount(1);
  await expectAccessible(page);

  await page.getByLabel("当前密码").fill("wrong-password");
  await page.getByLabel("新密码（至少 8 位）").fill("changed-pass-1");
  await page.getByLabel("确认新密码").fill("changed-pass-1");
  await page.getByRole("button", { name: "修改密码" }).click();
  await expect(page.locator(".form__error")).toHaveText("当前密码不正确。");

  await page.getByLabel("当前密码").fill(password);
  await page.getByRole("button", { name: "修改密码" }).click();
  await expect(page.getByRole("status").filter({ hasText: "密码已修改" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "登录设备（1）" })).toBeVisible();

  // Well within the 30 s the other browser's session-cache cookie is trusted for.
  await other.goto("/progress");
  await expect(other).toHaveURL(/\/sign-in/);

  // Signed in again there with the new password, then signed out from here.
  await signIn(other, email, "changed-pass-1");
  await expect(other.getByRole("heading", { name: "我的学习进度", level: 1 })).toBeVisible();
  await page.reload();
  await page.getByRole("button", { name: "退出所有其他设备" }).click();
  await expect(page.getByRole("status").filter({ hasText: "已退出其他 1 个设备" })).toBeVisible();
  await other.goto("/progress");
  await expect(other).toHaveURL(/\/sign-in/);
  await page.goto("/progress");
  await expect(page.getByRole("heading", { name: "我的学习进度", level: 1 })).toBeVisible();
  await other.context().close();
});

test("an admin deactivates a learner signed in on a phone: the phone's next write and page are refused; reactivated, they sign in", async ({ page, browser }) => {
  const name = `停用学员${Date.now() % 100000}`;
  const { email, password } = await signUp(page, name);
  await page.goto("/modules/platform-basics/jd-overview");
  await expect(page.getByRole("button", { name: "完成本课" })).toBeVisible();
  const { id } = await withDb((db) => db.user.findUniqueOrThrow({ where: { email }, select: { id: true } }));

  const desk = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "zh-CN" });
  const admin = await desk.newPage();
  await admin.goto(`/admin/learners/${id}`);
  await signIn(admin, "admin@example.com", "admin12345");
  await expect(admin.getByRole("heading", { name, level: 1 })).toBeVisible();
  await admin.getByRole("button", { name: "停用账号" }).click();
  await expect(admin.getByText(`确定要停用「${name}」的账号吗？`)).toBeVisible();
  await expectAccessible(admin);
  await admin.getByRole("button", { name: "确认停用" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "已停用该账号，并结束了它的全部登录（1 个）" })).toBeVisible();
  await expect(admin.getByText(/账号已停用（/)).toBeVisible();

  // The phone's session-cache cookie is seconds old; its next write and its next page are refused.
  // 完成本课 pressed without scrolling (as pressCompleteLesson does, which expects success).
  await page.getByRole("button", { name: "完成本课" }).dispatchEvent("click");
  await expect(page.getByRole("status").filter({ hasText: "登录已过期，请重新登录后再标记完成。" })).toBeVisible();
  expect(await withDb((db) => db.lessonProgress.count({ where: { userId: id } }))).toBe(0);
  await page.goto("/progress");
  await expect(page).toHaveURL(/\/sign-in/);
  await signIn(page, email, password);
  await expect(page.locator(".form__error")).toHaveText("账号已停用，请联系管理员");

  await admin.getByRole("button", { name: "恢复账号" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "已恢复该账号" })).toBeVisible();
  await desk.close();

  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByRole("heading", { name: "我的学习进度", level: 1 })).toBeVisible();
});
