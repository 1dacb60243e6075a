import { expect, test } from "@playwright/test";
import { signUp } from "./helpers";

test("the stock calculator works on a 375 px phone and explains wrong input", async ({ page }) => {
  await signUp(page);
  await page.goto("/modules/supply-finance-risk/supply-chain-inventory");
  const sales = page.getByLabel("日均销量（件/天）");
  await sales.scrollIntoViewIfNeeded();

  await sales.fill("abc");
  await sales.blur();
  await expect(sales).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator(".calculator .field__error").first()).toContainText("日均销量");

  await sales.fill("20");
  const result = page.locator(".calculator [aria-live=polite]").first();
  await expect(result).toContainText("140–300 件");
  await expect(result).toContainText("600–900 件");

  await page.getByLabel(/当前库存（件）/).fill("100");
  await expect(result).toContainText("低于安全库存");

  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test("the funnel calculator names the weakest stage", async ({ page }) => {
  await signUp(page);
  await page.goto("/modules/data-and-customers/conversion-funnel");
  const values: [RegExp, string][] = [
    [/^曝光/, "10000"],
    [/^点击/, "800"],
    [/^加购/, "40"],
    [/^下单/, "14"],
    [/^支付/, "12"],
  ];
  for (const [label, value] of values) await page.getByLabel(label).fill(value);
  // 点击→加购 = 5%, far below its 15–25% benchmark; every other stage is within range.
  await expect(page.locator(".calculator").filter({ hasText: "诊断你的成交漏斗" })).toContainText("最薄弱环节：点击→加购");
});
