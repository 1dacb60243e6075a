import { expect, test } from "./csp-fixture";
import { signIn, signUp } from "./helpers";

test("a page that needs an account sends you to sign-in and back", async ({ page }) => {
  const response = await page.goto("/modules/platform-basics");
  expect(response?.status()).toBe(200);
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fmodules%2Fplatform-basics$/);
  await signIn(page, "learner@example.com", "learner123");
  await expect(page).toHaveURL(/\/modules\/platform-basics$/);
  await expect(page.getByRole("heading", { name: "平台认知与开店准备", level: 1 })).toBeVisible();
});

test("wrong sign-in input is explained in Chinese", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByText("请输入邮箱")).toBeVisible();
  await expect(page.getByText("请输入密码")).toBeVisible();

  await signIn(page, "learner@example.com", "not-the-password");
  await expect(page.locator(".form__error")).toHaveText("邮箱或密码不正确。");
});

test("wrong sign-up input is explained in Chinese", async ({ page }) => {
  await page.goto("/sign-up");
  await page.getByLabel("邮箱").fill("not-an-email");
  await page.getByLabel("密码（至少 8 位）").fill("short");
  await page.getByLabel("确认密码").fill("other");
  await page.getByRole("button", { name: "注册并开始学习" }).click();
  await expect(page.getByText("请输入姓名")).toBeVisible();
  await expect(page.getByText("邮箱格式不正确")).toBeVisible();
  await expect(page.getByText("密码至少 8 位")).toBeVisible();

  await page.getByLabel("姓名").fill("重复的人");
  await page.getByLabel("邮箱").fill("learner@example.com");
  await page.getByLabel("密码（至少 8 位）").fill("password123");
  await page.getByLabel("确认密码").fill("password123");
  await page.getByRole("button", { name: "注册并开始学习" }).click();
  await expect(page.locator(".form__error")).toHaveText("该邮箱已注册，请直接登录。");
});

test("the seeded demo learner signs in; an unknown lesson is a zh-CN 404", async ({ page }) => {
  await page.goto("/sign-in");
  await signIn(page, "learner@example.com", "learner123");
  await expect(page.getByRole("heading", { name: "京东运营线上培训", level: 1 })).toBeVisible();
  const response = await page.goto("/modules/platform-basics/no-such-lesson");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "页面不存在" })).toBeVisible();
});

test("sign-up cannot be used to choose a role", async ({ page }) => {
  await signUp(page, "普通学员");
  await expect(page.locator(".site-header__user")).toHaveText("普通学员");
});
