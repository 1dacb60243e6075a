import { expect, test, type Page } from "@playwright/test";
import { expectAccessible } from "./axe";
import { signIn, signOut, signUp } from "./helpers";

const results = (page: Page) => page.locator(".search-results > li");

async function searchFor(page: Page, query: string) {
  await page.getByRole("searchbox", { name: "搜索词" }).fill(query);
  await page.getByRole("button", { name: "搜索" }).click();
  await expect(page).toHaveURL(`/search?q=${encodeURIComponent(query).replace(/%20/g, "+")}`);
}

test("search finds a lesson by a Chinese phrase and opens it at the heading", async ({ page }) => {
  await signUp(page);
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "搜索" }).click();
  await page.getByRole("searchbox", { name: "搜索词" }).fill("安全库存");
  await page.getByRole("button", { name: "搜索" }).click();
  await expect(page.getByRole("heading", { name: /“安全库存” 出现在 \d+ 课中/ })).toBeVisible();

  const first = page.locator(".search-results a").first();
  const href = (await first.getAttribute("href"))!;
  const anchor = decodeURIComponent(href.split("#")[1]);
  await first.click();
  await expect(page).toHaveURL(/\/modules\/supply-finance-risk\//);
  const heading = page.locator(`[id="${anchor}"]`);
  await expect(heading).toBeInViewport();
  await expect(page.locator("article.lesson")).toContainText("安全库存");
});

test("several words, pinyin and initials find lessons with the matches marked, lesson text only", async ({ page }, testInfo) => {
  await signUp(page);
  await page.goto("/search");

  // Both words in the inventory lesson: found first, both marked.
  await searchFor(page, "安全库存 计算");
  await expect(page.getByRole("heading", { name: /“安全库存 计算” 出现在 \d+ 课中/ })).toBeVisible();
  const first = results(page).first();
  await expect(first.getByRole("link")).toHaveAttribute("href", /^\/modules\/supply-finance-risk\/supply-chain-inventory#/);
  await expect(first.locator("mark").filter({ hasText: /^安全库存$/ }).first()).toBeVisible();
  await expect(first.locator("mark").filter({ hasText: /^计算$/ }).first()).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: testInfo.outputPath("search-words-375.png"), fullPage: true });

  // No lesson holds both words: the closest ones show, each naming the word it lacks.
  await searchFor(page, "安全库存 抖音");
  await expect(page.getByRole("heading", { name: "没有一课同时包含全部搜索词" })).toBeVisible();
  await expect(results(page).filter({ hasText: "缺少：抖音" }).first()).toBeVisible();

  // Both words in one lesson, apart: found, both marked.
  await searchFor(page, "安全库存 补货");
  await expect(page.getByRole("heading", { name: /“安全库存 补货” 出现在 \d+ 课中/ })).toBeVisible();
  await expect(results(page).first().locator("mark")).toContainText(["补货"]);

  // Pinyin: the Chinese characters it spells are marked.
  for (const [query, marked] of [["kucun", "库存"], ["aqkc", "安全库存"]]) {
    await searchFor(page, query);
    await expect(page.getByRole("heading", { name: new RegExp(`“${query}” 出现在 \\d+ 课中`) })).toBeVisible();
    await expect(results(page).first().locator("mark").filter({ hasText: new RegExp(`^${marked}$`) }).first()).toBeVisible();
  }
  await expectAccessible(page);
  await page.screenshot({ path: testInfo.outputPath("search-pinyin-375.png"), fullPage: true });

  // Snippets are lesson text: no component name, prop or Callout kind.
  for (const query of ["提示", "注意", "下一步", "短视频"]) {
    await searchFor(page, query);
    const text = (await results(page).allInnerTexts()).join("\n");
    expect(text).not.toMatch(/\b(warning|tip|info|example|Callout|KeyFigure|Step|Compare)\b/);
  }

  await page.setViewportSize({ width: 1280, height: 800 });
  await searchFor(page, "kucun");
  await expectAccessible(page);
  await page.screenshot({ path: testInfo.outputPath("search-pinyin-1280.png"), fullPage: true });
});

test("search input is checked, and a signed-out visitor comes back to the results after signing in", async ({ page }) => {
  const { email, password } = await signUp(page);
  const tooLong = await page.goto(`/search?q=${encodeURIComponent("库".repeat(51))}`);
  expect(tooLong?.status()).toBe(200);
  await expect(page.getByRole("alert").filter({ hasText: "搜索词" })).toHaveText("搜索词不能超过 50 个字");
  await expect(results(page)).toHaveCount(0);

  await signOut(page);
  await page.goto("/search?q=kucun");
  await expect(page).toHaveURL(/\/sign-in\?next=/);
  await signIn(page, email, password);
  await expect(page).toHaveURL("/search?q=kucun");
  await expect(results(page).first().locator("mark").first()).toHaveText("库存");
});

test("a phrase that is nowhere in the course says so", async ({ page }) => {
  await signUp(page);
  await page.goto(`/search?q=${encodeURIComponent("量子计算机")}`);
  await expect(page.getByRole("heading", { name: "没有找到 “量子计算机”" })).toBeVisible();
});

test("the course summary and the roadmap are reachable from the course home", async ({ page }) => {
  await signUp(page);
  await page.getByRole("link", { name: /课程总结与 QA/ }).click();
  await expect(page.getByRole("heading", { name: "课程总结与 QA", level: 1 })).toBeVisible();
  for (const pillar of ["店铺基础", "流量获取", "转化提升", "用户经营", "数据驱动"]) {
    await expect(page.locator("article.lesson")).toContainText(pillar);
  }
  await page.getByRole("link", { name: /结业考核与能力提升路径/ }).click();
  await expect(page.getByRole("heading", { name: "结业考核与能力提升路径", level: 1 })).toBeVisible();
  for (const stage of ["入门", "成长", "进阶", "专家"]) {
    await expect(page.locator(".timeline")).toContainText(stage);
  }
});
