import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { pressCompleteLesson, signIn, signOut, signUp } from "./helpers";

test("an admin filters the dashboard, opens a learner and exports CSV", async ({ page }) => {
  const name = `筛选对象${Date.now() % 100000}`;
  const { email } = await signUp(page, name);
  await page.goto("/modules/platform-basics/jd-overview");
  await pressCompleteLesson(page);
  await signOut(page);

  await page.goto("/admin");
  await signIn(page, "admin@example.com", "admin12345");
  await page.getByLabel("搜索姓名或邮箱").fill(name);
  await page.getByLabel("考核状态").selectOption({ label: "未开始" });
  await page.getByRole("button", { name: "筛选" }).click();
  await expect(page).toHaveURL(/q=/);
  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(email);

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /导出 CSV/ }).click()]);
  const csv = readFileSync((await download.path())!, "utf8");
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  expect(csv).toContain(email);
  expect(csv.split("\n").filter((line) => line.trim()).length).toBe(2);

  await row.getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { name: new RegExp(name) }).first()).toBeVisible();
});

test("a learner is refused on every admin and analytics URL", async ({ page }) => {
  await signUp(page);
  for (const path of ["/admin", "/admin/roles", "/admin/certificates", "/admin/learners/someone", "/analytics", "/analytics/items"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(page.getByRole("heading", { name: "没有访问权限" })).toBeVisible();
  }
  for (const path of ["/admin/export", "/analytics/items/export"]) {
    const response = await page.request.get(path);
    expect(response.status(), path).toBe(403);
  }
});

// Decision 010: a learner's session may be read from a short-lived cookie, but staff rights never are.
test("a role change applies to staff pages at once, whatever the session-cache cookie says", async ({ page, browser }) => {
  const name = `角色对象${Date.now() % 100000}`;
  const { email, password } = await signUp(page, name); // its cache cookie says 学员

  const adminContext = await browser.newContext({ viewport: { width: 375, height: 740 } });
  const admin = await adminContext.newPage();
  await admin.goto(`/admin/roles?q=${encodeURIComponent(email)}`);
  await signIn(admin, "admin@example.com", "admin12345");
  const setRole = async (label: string) => {
    const form = admin.locator("form").filter({ has: admin.getByLabel(`${name}的角色`) });
    await form.getByLabel(`${name}的角色`).selectOption({ label });
    await form.getByRole("button", { name: "保存" }).click();
    await expect(form.getByRole("status")).toContainText(`已将角色设为「${label}」`);
  };

  await setRole("讲师");
  expect((await page.goto("/grading"))?.status()).toBe(200);
  // Signed in again as a trainer: now the cookie says 讲师.
  await signOut(page);
  await signIn(page, email, password);
  await expect(page.getByRole("link", { name: "批阅" })).toBeVisible();

  await setRole("学员");
  expect((await page.goto("/grading"))?.status()).toBe(403);
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "京东运营线上培训", level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: "批阅" })).toHaveCount(0);
  await adminContext.close();
});
