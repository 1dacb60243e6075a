import { expect, test } from "@playwright/test";
import { signUp } from "./helpers";

test("a learner takes a module quiz, sees right/wrong with explanations, and the module page shows the result", async ({ page }) => {
  await signUp(page);
  await page.goto("/modules/platform-basics");
  await page.getByRole("link", { name: "开始测验" }).click();
  await expect(page).toHaveURL(/\/modules\/platform-basics\/quiz$/);
  await expect(page.getByRole("heading", { name: /模块测验：/, level: 1 })).toBeVisible();

  const questions = page.locator("fieldset.question");
  const count = await questions.count();
  expect(count).toBeGreaterThanOrEqual(8);
  for (let i = 0; i < count; i++) await questions.nth(i).locator("input").first().check();
  await expect(page.getByText(`已答 ${count}/${count} 题`)).toBeVisible();
  await page.getByRole("button", { name: "提交测验" }).click();

  await expect(page.getByRole("heading", { name: /测验结果/ })).toBeVisible();
  await expect(page.locator(".quiz-score")).toContainText(`/${count} 题`);
  await expect(page.locator(".review")).toHaveCount(count);
  await expect(page.locator(".review__explanation").first()).toContainText("解析：");
  await expect(page.getByRole("link", { name: "回到课程复习 →" }).first()).toHaveAttribute("href", /^\/modules\/platform-basics\//);

  await page.getByRole("link", { name: "返回模块" }).click();
  await expect(page.locator(".quiz-summary")).toContainText("最近一次");
  await page.getByRole("link", { name: "再测一次" }).click();
  await expect(page.locator("fieldset.question")).toHaveCount(count);
});
