import { expect, test } from "./csp-fixture";

// The sign-up form checks the name with the same schema as the server; these show that the
// server's own refusal (a client that skipped the form's check) reaches the learner too.

async function fillSignUp(page: import("@playwright/test").Page, name: string) {
  await page.goto("/sign-up");
  await page.getByLabel("姓名").fill(name);
  await page.getByLabel("邮箱").fill(`names-${Date.now()}@example.com`);
  await page.getByLabel("密码（至少 8 位）").fill("password123");
  await page.getByLabel("确认密码").fill("password123");
}

test("a name the server refuses is explained by the name field, at 375 px", async ({ page }) => {
  expect(page.viewportSize()?.width).toBe(375);
  // As an out-of-date or hand-made client would send it: a right-to-left override in the name.
  await page.route("**/api/auth/sign-up/email", async (route) => {
    const body = JSON.parse(route.request().postData() ?? "{}") as Record<string, unknown>;
    await route.continue({ postData: JSON.stringify({ ...body, name: "张\u202e三" }) });
  });
  await fillSignUp(page, "张三");
  const [response] = await Promise.all([
    page.waitForResponse("**/api/auth/sign-up/email"),
    page.getByRole("button", { name: "注册并开始学习" }).click(),
  ]);
  expect(response.status()).toBe(400);
  await expect(page.getByLabel("姓名")).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#name-error")).toHaveText("姓名不能包含换行、制表符或不可见的控制字符");
  await expect(page).toHaveURL(/\/sign-up/);
});

test("the form itself refuses a 51-character name and accepts 50", async ({ page }) => {
  await fillSignUp(page, "名".repeat(51));
  await page.getByRole("button", { name: "注册并开始学习" }).click();
  await expect(page.locator("#name-error")).toHaveText("姓名不能超过 50 个字");

  await page.getByLabel("姓名").fill(` ${"名".repeat(50)} `);
  await page.getByRole("button", { name: "注册并开始学习" }).click();
  await expect(page.getByRole("heading", { name: "京东运营线上培训", level: 1 })).toBeVisible();
  // The stored name is trimmed, and the header cuts it instead of scrolling the page sideways.
  await expect(page.locator(".site-header__user")).toHaveAttribute("title", "名".repeat(50));
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
});
