import { expect, test } from "@playwright/test";
import { signUp } from "./helpers";

test("search finds a lesson by a Chinese phrase and opens it at the heading", async ({ page }) => {
  await signUp(page);
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "搜索" }).click();
  await page.getByRole("searchbox", { name: "搜索词" }).fill("安全库存");
  await page.getByRole("button", { name: "搜索" }).click();
  await expect(page.getByRole("heading", { name: /“安全库存” 共找到 \d+ 处/ })).toBeVisible();

  const first = page.locator(".search-results a").first();
  const href = (await first.getAttribute("href"))!;
  const anchor = decodeURIComponent(href.split("#")[1]);
  await first.click();
  await expect(page).toHaveURL(/\/modules\/supply-finance-risk\//);
  const heading = page.locator(`[id="${anchor}"]`);
  await expect(heading).toBeInViewport();
  await expect(page.locator("article.lesson")).toContainText("安全库存");
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
