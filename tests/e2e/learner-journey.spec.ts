import { expect, test } from "@playwright/test";
import { pressCompleteLesson, progressValue, signIn, signOut, signUp } from "./helpers";

test("a new learner reads a lesson to its end, signs out, and 继续学习 resumes at the next lesson", async ({ page }) => {
  const { email, password } = await signUp(page);
  expect(await progressValue(page, "课程总进度")).toBe(0);

  await page.getByRole("link", { name: /平台认知与开店准备/ }).click();
  await expect(page.getByRole("heading", { name: "平台认知与开店准备", level: 1 })).toBeVisible();
  await page.getByRole("link", { name: /京东电商平台概览/ }).click();
  await expect(page.getByRole("heading", { name: "京东电商平台概览", level: 1 })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "本课目录" })).toContainText("学习目标");
  expect(await progressValue(page, "本模块进度")).toBe(0);

  // Reading to the end marks the lesson complete; the page says so only once it is stored.
  await page.getByRole("heading", { name: "实操任务" }).scrollIntoViewIfNeeded();
  await page.locator(".lesson-end").scrollIntoViewIfNeeded();
  await expect(page.getByRole("status").filter({ hasText: "已完成本课" })).toBeVisible();
  await expect.poll(() => progressValue(page, "本模块进度")).toBe(25);

  await page.goto("/");
  expect(await progressValue(page, "课程总进度")).toBeGreaterThan(0);
  await expect(page.getByText("下一课：京东用户画像与流量来源")).toBeVisible();

  // Signed out, the home page is the public course page, with the way back in.
  await signOut(page);
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "课程内容：8 个模块" })).toBeVisible();
  await page.getByRole("main").getByRole("link", { name: "登录", exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await signIn(page, email, password);
  await page.getByRole("link", { name: "继续学习" }).click();
  await expect(page).toHaveURL(/\/modules\/platform-basics\/users-and-traffic$/);
  await expect(page.getByRole("heading", { name: "京东用户画像与流量来源", level: 1 })).toBeVisible();
});

test("完成本课 button stores completion and the progress page shows it", async ({ page }) => {
  await signUp(page);
  await page.goto("/modules/platform-basics/joining-jd");
  await pressCompleteLesson(page);
  await page.getByRole("link", { name: "我的学习进度" }).click();
  await expect(page.getByRole("heading", { name: "我的学习进度" })).toBeVisible();
  await page.getByText("查看各课状态").first().click();
  await expect(page.getByRole("listitem").filter({ hasText: "入驻京东类型与流程" })).toContainText("已完成");
});

test("another learner never sees someone else's progress", async ({ page, browser }) => {
  await signUp(page, "学员甲");
  await page.goto("/modules/platform-basics/jd-overview");
  await pressCompleteLesson(page);

  const other = await browser.newContext({ viewport: { width: 375, height: 740 } });
  const page2 = await other.newPage();
  await signUp(page2, "学员乙");
  expect(await progressValue(page2, "课程总进度")).toBe(0);
  await page2.goto("/modules/platform-basics");
  await expect(page2.locator(".lesson-row__status--done")).toHaveCount(0);
  await other.close();
});

test("every module and lesson of the course opens", async ({ page }) => {
  await signUp(page);
  const moduleLinks = await page.locator('.module-card[href^="/modules/"]').evaluateAll((links) => links.map((a) => a.getAttribute("href")!));
  expect(moduleLinks).toHaveLength(8);
  for (const href of moduleLinks) {
    await page.goto(href);
    const lessons = await page.locator(".lesson-row").evaluateAll((links) => links.map((a) => a.getAttribute("href")!));
    expect(lessons.length).toBeGreaterThan(0);
    for (const lesson of lessons) {
      const response = await page.goto(lesson);
      expect(response?.status(), lesson).toBe(200);
      await expect(page.locator("article.lesson h2").first()).toBeVisible();
    }
  }
});
