import { expect, test, type Browser } from "@playwright/test";
import { signIn, signUp } from "./helpers";

// An admin ends a learner's sessions from the learner page (decision 010). The learner's browser
// drops its session-cache cookie when its Max-Age (the bound, 30 s) runs out; the spec clears it
// instead of waiting, and then the learner's next page is the sign-in page.

async function openLearnerPage(browser: Browser, width: number, account: { email: string; password: string }, name: string) {
  const context = await browser.newContext({ viewport: { width, height: 800 }, locale: "zh-CN" });
  const page = await context.newPage();
  await page.goto(`/admin?q=${encodeURIComponent(name)}`);
  await signIn(page, account.email, account.password);
  await page.getByRole("row").filter({ hasText: name }).getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
  return { context, page };
}

for (const width of [375, 1280]) {
  test(`an admin ends a learner's sessions (${width} px); a trainer has no such button`, async ({ page, browser }) => {
    const name = `登录对象${width}${Date.now() % 100000}`;
    await signUp(page, name);
    expect((await page.goto("/progress"))?.status()).toBe(200);

    const trainer = await openLearnerPage(browser, width, { email: "trainer@example.com", password: "trainer123" }, name);
    await expect(trainer.page.getByRole("button", { name: "结束该用户的全部登录" })).toHaveCount(0);
    await trainer.context.close();

    const { context, page: admin } = await openLearnerPage(browser, width, { email: "admin@example.com", password: "admin12345" }, name);
    await expect(admin.getByText("当前登录：1 个设备或浏览器")).toBeVisible();
    await admin.getByRole("button", { name: "结束该用户的全部登录" }).click();
    await expect(admin.getByText(`确定要结束「${name}」在所有设备上的登录吗？`)).toBeVisible();
    await admin.getByRole("button", { name: "取消" }).click();
    await expect(admin.getByRole("button", { name: "确认结束" })).toHaveCount(0);

    await admin.getByRole("button", { name: "结束该用户的全部登录" }).click();
    const confirm = admin.getByRole("button", { name: "确认结束" });
    const box = await confirm.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(width);
    await confirm.click();
    await expect(admin.getByRole("status").filter({ hasText: "已结束该用户的全部登录（1 个）" })).toBeVisible();
    await expect(admin.getByText("当前登录：0 个设备或浏览器")).toBeVisible();
    await context.close();

    await page.context().clearCookies({ name: /session_data/ });
    await page.goto("/progress");
    await expect(page).toHaveURL(/\/sign-in/);
  });
}
