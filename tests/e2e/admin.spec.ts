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
