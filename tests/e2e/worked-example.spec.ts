// Issue 18, deliverable 4: worked → faded → practice examples, checked in the browser.
import type { Locator } from "@playwright/test";
import { expectAccessible } from "./axe";
import { expect, test } from "./csp-fixture";
import { signUp } from "./helpers";

/** The live feedback line of an answer field's form. */
const feedbackOf = (field: Locator) => field.locator("xpath=ancestor::form[1]").locator("[aria-live=polite]");

test("a learner fixes a flagged number in a faded step and solves the practice problem (375 px)", async ({ page }) => {
  await signUp(page, "学员例题");
  await page.goto("/modules/supply-finance-risk/supply-chain-inventory");
  const example = page.getByRole("region", { name: "算库存预警线" });
  await example.scrollIntoViewIfNeeded();

  // The worked example shows each step: formula, the numbers put in, the result.
  await expect(example).toContainText("安全库存 = 日均销量 × 安全天数");
  await expect(example).toContainText("= 20 × 10 = 200 件");
  await expect(example).toContainText("= 150 ÷ 20 = 7.5 天");

  // Faded: 最高库存 is left blank. Checking needs no server: the rest runs offline.
  const maximum = page.getByLabel("第 2 步：最高库存（件）");
  await expect(example.getByRole("button", { name: "核对" }).first()).toBeEnabled();
  await page.context().setOffline(true);

  await maximum.fill("1557");
  await maximum.press("Enter");
  await expect(maximum).toHaveAttribute("aria-invalid", "true");
  await expect(feedbackOf(maximum)).toHaveText("✗ 不对。把题目里的数字代入「日均销量 × 最高天数」，再算一次。");

  await maximum.fill("1575");
  await expect(maximum).not.toHaveAttribute("aria-invalid");
  await maximum.locator("xpath=ancestor::form[1]").getByRole("button", { name: "核对" }).click();
  await expect(feedbackOf(maximum)).toHaveText("✓ 正确：最高库存 = 1,575 件");
  await expect(maximum).not.toHaveAttribute("aria-invalid");

  // 1,800 ÷ 35 = 51.43 (1 decimal): a slip in the last place gets the rounding hint, the rule is stated.
  const days = page.getByLabel("第 3 步：可售天数（天）");
  await expect(days).toHaveAccessibleDescription(/四舍五入，保留 1 位小数/);
  await days.fill("51.5");
  await days.press("Enter");
  await expect(feedbackOf(days)).toContainText("很接近了");
  await days.fill("51.43");
  await days.press("Enter");
  await expect(feedbackOf(days)).toHaveText("✓ 正确：可售天数 = 51.4 天");

  // Practice: only the question; the worked solution opens on request.
  const safety = page.getByLabel("你的答案：安全库存（件）");
  await safety.fill("84");
  await safety.press("Enter");
  await expect(feedbackOf(safety)).toHaveText("✓ 正确：安全库存 = 84 件");
  const top = page.getByLabel("你的答案：最高库存（件）");
  await top.fill("３６０");
  await top.press("Enter");
  await expect(feedbackOf(top)).toHaveText("✓ 正确：最高库存 = 360 件");

  const solution = example.locator("details");
  await expect(solution.getByText("= 12 × 30 = 360 件")).toBeHidden();
  await solution.getByText("查看解答").click();
  await expect(solution.getByText("= 12 × 30 = 360 件")).toBeVisible();
  await expect(solution).toContainText("属于健康状态");

  await page.context().setOffline(false);
  await expectAccessible(page);
});

test("a percentage typed as a ratio is explained in the funnel lesson", async ({ page }) => {
  await signUp(page);
  await page.goto("/modules/data-and-customers/conversion-funnel");
  const rate = page.getByLabel("第 3 步：下单率（%）");
  await rate.scrollIntoViewIfNeeded();
  await expect(rate.locator("xpath=ancestor::form[1]").getByRole("button", { name: "核对" })).toBeEnabled();
  await rate.fill("0.375");
  await rate.press("Enter");
  await expect(feedbackOf(rate)).toHaveText("✗ 不对。数量级不对：这一步填百分数里的数字，例如 6% 就填 6。");
  await rate.fill("37.5");
  await rate.press("Enter");
  await expect(feedbackOf(rate)).toHaveText("✓ 正确：下单率 = 37.5%");
  await expectAccessible(page);
});
