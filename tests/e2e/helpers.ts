import { expect, type Page } from "@playwright/test";

let counter = 0;

/** Signs up a brand-new learner through the form and lands on the course home. */
export async function signUp(page: Page, name = "测试学员") {
  const email = `learner-${Date.now()}-${counter++}@example.com`;
  const password = "password123";
  await page.goto("/sign-up");
  await page.getByLabel("姓名").fill(name);
  await page.getByLabel("邮箱").fill(email);
  await page.getByLabel("密码（至少 8 位）").fill(password);
  await page.getByLabel("确认密码").fill(password);
  await page.getByRole("button", { name: "注册并开始学习" }).click();
  await expect(page.getByRole("heading", { name: "京东运营线上培训", level: 1 })).toBeVisible();
  return { email, password };
}

export async function signIn(page: Page, email: string, password: string) {
  await page.getByLabel("邮箱").fill(email);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
}

/** aria-valuenow of the first progress bar with this label. */
export async function progressValue(page: Page, label: string): Promise<number> {
  return Number(await page.getByRole("progressbar", { name: label }).first().getAttribute("aria-valuenow"));
}

/**
 * Presses 完成本课 without scrolling to it: scrolling the lesson's end into view completes the
 * lesson by itself (and replaces the button), which would race a scrolled click.
 */
export async function pressCompleteLesson(page: Page) {
  await page.getByRole("button", { name: "完成本课" }).dispatchEvent("click");
  await expect(page.getByRole("status").filter({ hasText: "已完成本课" })).toBeVisible();
}
