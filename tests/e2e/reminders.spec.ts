import { expect, test } from "@playwright/test";
import { makeOverdue } from "./reminder-db";
import { signIn, signUp } from "./helpers";

test("an overdue learner finds today's reminder on the home page and closes it", async ({ page }) => {
  // The server's once-a-minute sweep writes the notice: allow for a whole minute and a pass.
  test.setTimeout(180_000);
  const { email } = await signUp(page, "逾期学员");
  const title = `逾期任务${Date.now() % 100000}`;
  await makeOverdue(email, title);

  const notice = page.getByRole("note").filter({ hasText: "学习任务已逾期" });
  await expect(async () => {
    await page.goto("/");
    await expect(notice).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 150_000, intervals: [5_000] });
  await expect(notice).toContainText(`学习任务「${title}」已逾期 2 天`);
  const box = await notice.boundingBox();
  expect(box!.width).toBeLessThanOrEqual(375);

  await notice.getByRole("button", { name: "知道了，关闭提醒" }).click();
  await expect(notice).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole("heading", { name: "京东运营线上培训", level: 1 })).toBeVisible();
  await expect(notice).toHaveCount(0);
});

test.describe("at a desk", () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test("an admin saves the SMTP settings and never sees the password again", async ({ page }) => {
    await page.goto("/admin");
    await signIn(page, "admin@example.com", "admin12345");
    await page.getByRole("navigation", { name: "教学管理" }).getByRole("link", { name: "设置" }).click();
    await expect(page.getByRole("heading", { name: "系统设置", level: 1 })).toBeVisible();

    await page.getByLabel("服务器地址").fill("smtp.example.com");
    await page.getByLabel("端口", { exact: true }).fill("587");
    await page.getByLabel(/使用 SSL\/TLS/).uncheck();
    await page.getByLabel("用户名（可留空）").fill("mailer");
    await page.getByLabel(/^密码/).fill("e2e-secret-pass");
    await page.getByLabel("发件地址").fill("training@example.com");
    await page.getByRole("button", { name: "保存设置" }).click();
    await expect(page.getByRole("status").filter({ hasText: "已保存邮件服务器设置" })).toBeVisible();

    await page.reload();
    await expect(page.getByLabel("服务器地址")).toHaveValue("smtp.example.com");
    await expect(page.getByLabel("端口", { exact: true })).toHaveValue("587");
    await expect(page.getByLabel(/使用 SSL\/TLS/)).not.toBeChecked();
    await expect(page.getByLabel("密码（已保存，留空则不修改）")).toHaveValue("");
    expect(await page.content()).not.toContain("e2e-secret-pass");

    // A bad port is refused in zh-CN, and nothing else changes.
    await page.getByLabel("端口", { exact: true }).fill("99999");
    await page.getByRole("button", { name: "保存设置" }).click();
    await expect(page.getByRole("status").filter({ hasText: "端口在 1 到 65535 之间" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "消息发送状态" })).toBeVisible();
  });
});
