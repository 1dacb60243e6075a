import { expect, test } from "@playwright/test";
import { releaseGrade, startAssessment, submitAssessment } from "./assessment-helpers";
import { signIn, signOut } from "./helpers";

test("a trainer grades parts 2 and 3 with the keyboard and releases; the learner sees nothing before release", async ({ page }) => {
  const { attemptId, email, password } = await startAssessment(page, "待批阅学员");
  await page.getByLabel("1. 定位与选品").fill("<b>主打</b>小户型收纳，打造 1–2 款爆品。");
  await expect(page.locator(".assessment-bar .save-status")).toHaveText("已保存");
  await submitAssessment(page);
  await signOut(page);

  await page.goto("/grading");
  await signIn(page, "trainer@example.com", "trainer123");
  await expect(page.getByRole("heading", { name: "批阅结业考核" })).toBeVisible();
  await page.getByRole("link", { name: /待批阅学员/ }).first().click();
  await expect(page).toHaveURL(new RegExp(`/grading/${attemptId}$`));
  // Learner text is shown as text, never as markup.
  await expect(page.locator(".answer-text").filter({ hasText: "<b>主打</b>小户型收纳" })).toBeVisible();

  // Keyboard only: focus the first score, then Tab through score → comment → next score.
  const scores = page.locator('input[type="number"][name^="points:"]');
  const count = await scores.count();
  expect(count).toBeGreaterThan(4);
  await scores.first().focus();
  for (let i = 0; i < count; i++) {
    const max = await scores.nth(i).getAttribute("max");
    await page.keyboard.type(max!);
    await page.keyboard.press("Tab");
    await page.keyboard.type("要点齐全");
    await page.keyboard.press("Tab");
  }
  await page.keyboard.press("Control+Enter");
  await expect(page.getByText("已完成批阅。成绩将在发布后对学员可见。")).toBeVisible();
  await expect(page.getByText(/状态：已批阅，待发布/)).toBeVisible();

  // Held: the learner still sees 待批阅 and no total.
  await signOut(page);
  await page.goto(`/assessment/attempts/${attemptId}`);
  await signIn(page, email, password);
  await expect(page.locator(".attempt-status")).toContainText("待批阅");
  await expect(page.getByRole("row", { name: /总分/ })).toContainText("批阅发布后公布");
  await signOut(page);

  await page.goto(`/grading/${attemptId}`);
  await signIn(page, "trainer@example.com", "trainer123");
  await releaseGrade(page);
  await signOut(page);

  await page.goto(`/assessment/attempts/${attemptId}`);
  await signIn(page, email, password);
  await expect(page.locator(".attempt-status")).toContainText(/未通过|通过|通过并获证/);
  await expect(page.getByRole("row", { name: /总分/ })).toContainText(/\d+\.\d 分/);
  await expect(page.getByRole("heading", { name: "讲师评语" })).toBeVisible();
  await expect(page.getByText("要点齐全").first()).toBeVisible();
});

test("a learner is refused on every grading URL", async ({ page }) => {
  const { attemptId } = await startAssessment(page);
  for (const path of ["/grading", `/grading/${attemptId}`]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(page.getByRole("heading", { name: "没有访问权限" })).toBeVisible();
  }
});
