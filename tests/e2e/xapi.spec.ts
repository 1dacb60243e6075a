import { expect, test, type Page } from "@playwright/test";
import { expectAccessible } from "./axe";
import { pressCompleteLesson, signIn, signUp } from "./helpers";
import { startLrs, type Lrs } from "../support/lrs";

// Issue 19: an admin connects an LRS on /admin/xapi (1280 px); a learner's lesson completion
// (375 px) becomes a statement that waits while the LRS is down and arrives once it is back.

let lrs: Lrs;
test.beforeAll(async () => {
  lrs = await startLrs("e2e-key", "e2e-lrs-secret");
});
test.afterAll(() => lrs.close());

async function retryUntil(admin: Page, visible: () => Promise<void>) {
  await expect(async () => {
    await admin.reload();
    // The server's own once-a-minute sweep may have sent it already (the button is then disabled).
    const retry = admin.getByRole("button", { name: "立即重试" });
    if (await retry.isEnabled()) {
      await retry.click();
      await expect(admin.getByRole("status").filter({ hasText: /已发送|本次没有/ })).toBeVisible({ timeout: 5_000 });
      await admin.reload();
    }
    await visible();
  }).toPass({ timeout: 60_000, intervals: [2_000] });
}

test("an admin connects an LRS; a learner's completion waits while it is down and arrives once", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const desk = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "zh-CN" });
  const admin = await desk.newPage();
  await admin.goto("/admin/xapi");
  await signIn(admin, "admin@example.com", "admin12345");
  await expect(admin.getByRole("heading", { name: "学习记录（xAPI）", level: 1 })).toBeVisible();
  await expectAccessible(admin);

  // A bad address is refused in zh-CN; then the LRS is saved and its secret never comes back.
  await admin.getByLabel("xAPI 地址（endpoint）").fill(lrs.endpoint);
  await admin.getByLabel("Key（Basic 认证用户名）").fill(lrs.key);
  await admin.getByLabel(/^Secret/).fill(lrs.secret);
  await admin.getByLabel(/^工号/).check();
  await admin.getByRole("button", { name: "保存设置" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "按工号标识学员时，请填写账号主页" })).toBeVisible();
  // What was typed is still there (but the secret, which is never sent back): retype it.
  await expect(admin.getByLabel("xAPI 地址（endpoint）")).toHaveValue(lrs.endpoint);
  await expect(admin.getByLabel(/^工号/)).toBeChecked();
  await admin.getByLabel(/^Secret/).fill(lrs.secret);
  await admin.getByLabel(/^邮箱/).check();
  await admin.getByRole("button", { name: "保存设置" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "已保存 LRS 设置" })).toBeVisible();
  await admin.reload();
  await expect(admin.getByLabel("xAPI 地址（endpoint）")).toHaveValue(lrs.endpoint);
  await expect(admin.getByLabel("Secret（Basic 认证密码）（已保存，留空则不修改）")).toHaveValue("");
  expect(await admin.content()).not.toContain(lrs.secret);
  // 测试连接 reads one statement back with the saved key and secret, and writes nothing.
  await admin.getByRole("button", { name: "测试连接" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "连接成功：LRS 接受了该 Key 和 Secret" })).toBeVisible();
  expect(lrs.statements).toHaveLength(0);

  // The LRS goes down, which 测试连接 says; a learner on a phone completes a lesson.
  await lrs.stop();
  await admin.getByRole("button", { name: "测试连接" }).click();
  await expect(admin.getByRole("status").filter({ hasText: /^无法连接 LRS：连接被(拒绝|对方中断)/ })).toBeVisible();
  const { email } = await signUp(page, "记录学员");
  await page.goto("/modules/platform-basics/jd-overview");
  await pressCompleteLesson(page);

  const failures = admin.getByRole("region", { name: "发送失败的记录" });
  await retryUntil(admin, () => expect(failures).toContainText("无法连接 LRS", { timeout: 1_000 }));
  await expect(failures).toContainText(email);
  await expect(failures).toContainText("完成");
  await expectAccessible(admin);
  expect(lrs.statements).toHaveLength(0);

  // Back up: the statement arrives, once.
  await lrs.start();
  await retryUntil(admin, () => expect(admin.getByText("没有发送失败的记录。")).toBeVisible({ timeout: 1_000 }));
  await expect(admin.getByRole("listitem").filter({ hasText: "已发送" })).toHaveText("已发送 1（保留 180 天）");
  expect(lrs.statements).toHaveLength(1);
  const [statement] = lrs.statements as Record<string, any>[];
  expect(statement.actor).toMatchObject({ mbox: `mailto:${email}` });
  expect(statement.verb.id).toBe("http://adlnet.gov/expapi/verbs/completed");
  expect(statement.object.id).toMatch(/\/modules\/platform-basics\/jd-overview$/);

  // 停用 LRS: the answer stays on screen after the saved-LRS buttons give way.
  await admin.getByRole("button", { name: "停用 LRS" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "已停用 LRS" })).toBeVisible();
  await expect(admin.getByRole("button", { name: "测试连接" })).toHaveCount(0);
  await desk.close();
});
