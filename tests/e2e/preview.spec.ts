import { readFileSync, writeFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { signIn, signUp } from "./helpers";

test("a trainer previews a quiz, a case and a prompt, with answers only when asked", async ({ page }) => {
  await page.goto("/sign-in?next=/preview");
  await signIn(page, "trainer@example.com", "trainer123");
  await expect(page.getByRole("heading", { name: "内容预览（讲师）" })).toBeVisible();

  await page.getByRole("link", { name: /模块 1 · 平台认知与开店准备/ }).click();
  await expect(page.locator(".review").first()).toBeVisible();
  await expect(page.getByText("（正确答案）")).toHaveCount(0);
  await expect(page.getByText(/^解析：/)).toHaveCount(0);
  await page.getByRole("button", { name: "显示答案" }).click();
  await expect(page.getByText("（正确答案）").first()).toBeVisible();
  await expect(page.locator(".review__explanation").first()).toBeVisible();

  await page.goto("/preview");
  await page.getByRole("link", { name: /第二部分 案例/ }).first().click();
  await expect(page.locator(".case-data table, .case-data .key-figures, .case-data .funnel").first()).toBeVisible();
  await expect(page.getByText(/评分细则（合计 \d+ 分）/)).toHaveCount(0);
  await page.getByRole("button", { name: "显示答案" }).click();
  await expect(page.getByText(/评分细则（合计 \d+ 分）/)).toBeVisible();

  await page.goto("/preview");
  await page.getByRole("link", { name: /第三部分 方案题/ }).first().click();
  await page.getByRole("button", { name: "显示答案" }).click();
  await expect(page.getByText("评分细则（合计 100 分）")).toBeVisible();
});

test("a broken quiz file shows the content:check message in the preview", async ({ page }) => {
  const file = "content/08-team-and-growth/quiz.yaml";
  const original = readFileSync(file, "utf8");
  try {
    writeFileSync(file, original.replace(/answer: \[[a-h]\]/, "answer: [z]"));
    await page.goto("/sign-in?next=/preview/quizzes/team-and-growth");
    await signIn(page, "trainer@example.com", "trainer123");
    await expect(page.getByRole("heading", { name: "内容有错误，无法预览" })).toBeVisible();
    await expect(page.locator("section[role=alert]")).toContainText(`${file}:`);
  } finally {
    writeFileSync(file, original);
  }
});

test("learners get a zh-CN 403 on every preview page", async ({ page }) => {
  await signUp(page);
  for (const path of ["/preview", "/preview/quizzes/platform-basics", "/preview/part1", "/preview/cases/case-funnel", "/preview/prompts/plan-home-first-year"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(page.getByRole("heading", { name: "没有访问权限" })).toBeVisible();
  }
});
