import { expect, test, type Page } from "@playwright/test";
import { confirmStart, startAssessment, submitAssessment } from "./assessment-helpers";
import { expireAttempt, releaseAttempt } from "./db";

const status = (page: Page) => page.locator(".assessment-bar .save-status");

test("a learner takes the assessment through a network drop, reloads, submits and sees 待批阅 with the part-1 score", async ({ page, context }) => {
  await startAssessment(page);

  const first = page.locator("fieldset.question").first();
  await first.locator("input").first().check();
  await expect(status(page)).toHaveText("已保存");

  await context.setOffline(true);
  await page.locator("fieldset.question").nth(1).locator("input").first().check();
  await page.getByLabel("1. 定位与选品").fill("离线时写下的定位方案：主打小户型收纳。");
  await expect(status(page)).toHaveText("离线，恢复后自动保存");

  await context.setOffline(false);
  await expect(status(page)).toHaveText("已保存", { timeout: 15_000 });

  await page.reload();
  await expect(page.getByLabel("1. 定位与选品")).toHaveValue("离线时写下的定位方案：主打小户型收纳。");
  await expect(page.locator("fieldset.question").nth(1).locator("input").first()).toBeChecked();

  await submitAssessment(page);
  await expect(page.getByRole("row", { name: /理论知识测试/ })).toContainText(/\d+\.\d 分/);
  // Right or wrong per question, but no keys or explanations while a second attempt is left.
  await expect(page.locator(".review")).toHaveCount(30);
  await expect(page.getByText("正确答案与解析将在你用完全部考核次数后公布", { exact: false })).toBeVisible();
  await expect(page.getByText("（正确答案）")).toHaveCount(0);
  await expect(page.locator(".review__explanation")).toHaveCount(0);
});

test("part-1 keys and explanations open once the last attempt is submitted", async ({ page }) => {
  const { attemptId } = await startAssessment(page);
  await submitAssessment(page);
  await expect(page.getByText("（正确答案）")).toHaveCount(0);
  await releaseAttempt(attemptId, "failed", 40);
  await page.goto("/assessment");
  await expect(page.locator(".status-badge").first()).toHaveText("未通过");
  await confirmStart(page, "再考一次", "这是你最后一次考核机会");
  await expect(page.getByRole("heading", { name: /第 2 次/ })).toBeVisible();
  await submitAssessment(page);
  await expect(page.getByText("（正确答案）").first()).toBeVisible();
  await expect(page.locator(".review__explanation")).toHaveCount(30);
});

test("the server refuses answers after the time limit and submits what was saved", async ({ page }) => {
  const { attemptId } = await startAssessment(page);
  await page.locator("fieldset.question").first().locator("input").first().check();
  await expect(status(page)).toHaveText("已保存");

  await expireAttempt(attemptId);
  await page.getByLabel("2. 流量获取").fill("时间到之后才写的内容");
  await expect(page.locator(".attempt-status")).toContainText("待批阅", { timeout: 15_000 });
  await expect(page.locator(".attempt-status")).toContainText("时间到，已自动提交");
  await page.goto(`/assessment/attempts/${attemptId}`);
  await expect(page.getByText("时间到之后才写的内容")).toHaveCount(0);
});

test("no answer key, explanation or rubric reaches the browser before submission", async ({ page }) => {
  const bodies: string[] = [];
  page.on("response", async (response) => {
    try {
      bodies.push(await response.text());
    } catch {
      // redirects and aborted requests have no body
    }
  });
  const { readAssessment, readModuleQuiz } = await import("../../lib/content/banks");
  const { content } = readAssessment();
  const secrets = [
    ...readModuleQuiz("content/01-platform-basics").questions.map((q) => q.explanation),
    ...content!.part1.map((q) => q.explanation),
    ...content!.cases.flatMap((c) => [...c.rubric.map((r) => r.guide), ...c.questions.flatMap((q) => (q.kind === "choice" ? [q.explanation] : []))]),
    ...content!.prompts.flatMap((p) => p.rubric.map((r) => r.guide)),
  ];

  const optionValues = () => page.locator("fieldset.question input").evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
  await startAssessment(page);
  await page.locator("fieldset.question").first().locator("input").first().check();
  await expect(status(page)).toHaveText("已保存");
  // Options are opaque tokens of this attempt, not the bank's option ids.
  const attemptValues = await optionValues();
  expect(attemptValues.length).toBeGreaterThan(100);
  for (const value of attemptValues) expect(value).toMatch(/^[A-Za-z0-9_-]{16}$/);
  await page.goto("/modules/platform-basics/quiz");
  const sitting1 = await optionValues();
  await page.reload();
  const sitting2 = await optionValues();
  for (const value of sitting1) expect(value).toMatch(/^[A-Za-z0-9_-]{16}$/);
  expect(sitting2.filter((value) => sitting1.includes(value))).toEqual([]);
  await page.locator("fieldset.question").first().locator("input").first().check();
  await page.waitForLoadState("networkidle");

  const everything = bodies.join("\n");
  expect(everything.length).toBeGreaterThan(10_000);
  for (const secret of secrets) expect(everything.includes(secret), secret).toBe(false);
  expect(everything).not.toMatch(/"answer"\s*:\s*\[/);
  expect(everything).not.toMatch(/"explanation"\s*:/);
  expect(everything).not.toMatch(/"guide"\s*:/);
  expect(everything).not.toMatch(/value="[a-h]"/);
  expect(everything).not.toMatch(/"id":"[a-h]"/);
});
