import { expect, test, type Locator, type Page } from "@playwright/test";
import { E2E_DATABASE_URL } from "../../playwright.config";
import { createDbClient } from "../../lib/db-client";
import { releaseGrade, startAssessment, submitAssessment } from "./assessment-helpers";
import { expectAccessible } from "./axe";
import { answerAllChoicesCorrectly } from "./db";
import { signIn, signOut } from "./helpers";

// Issue 14, deliver 3: grading at a desk (1280 px) and /grading on a phone (375 px).

const PART3_TEXT = "主打小户型收纳，先做 2 款爆品，再用店铺会员复购拉动 GMV。";

/** A learner with a long, unbreakable email, who submits an attempt with every choice right. */
async function submittedByLongEmail(page: Page) {
  const name = `长邮箱学员${Date.now() % 10000}`;
  const { attemptId, email: signedUpAs } = await startAssessment(page, name);
  const email = `a-very-long-learner-address-${Date.now()}@training-department.example.com`;
  const db = createDbClient(E2E_DATABASE_URL);
  try {
    await db.user.update({ where: { email: signedUpAs }, data: { email } });
  } finally {
    await db.$disconnect();
  }
  await page.getByLabel("1. 定位与选品").fill(PART3_TEXT);
  await expect(page.locator(".assessment-bar .save-status")).toHaveText("已保存");
  await answerAllChoicesCorrectly(attemptId);
  await page.reload();
  await submitAssessment(page);
  await signOut(page);
  return { attemptId, email, name };
}

async function expectNoHorizontalOverflow(page: Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `scrollWidth on ${new URL(page.url()).pathname}`).toBeLessThanOrEqual(375);
}

const figure = (summary: Locator, label: string) => summary.locator("div").filter({ has: summary.page().getByText(label, { exact: true }) }).locator("dd");

test("a trainer grades at 1280 px with the answer beside the rubric, sees the final before finalising, confirms the release; /grading fits a phone", async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  const { attemptId, email, name } = await submittedByLongEmail(page);

  // Phone: the queue with a long email is no wider than the screen.
  await page.goto("/grading");
  await signIn(page, "trainer@example.com", "trainer123");
  await expect(page.getByRole("heading", { name: "批阅结业考核" })).toBeVisible();
  await expect(page.getByText(email)).toBeVisible();
  await expectNoHorizontalOverflow(page);
  await expectAccessible(page);
  await page.screenshot({ path: testInfo.outputPath("grading-queue-375.png"), fullPage: true });
  await page.goto(`/grading/${attemptId}`);
  await expect(page.getByRole("heading", { name: `批阅：${name} · 第 1 次` })).toBeVisible();
  await expectNoHorizontalOverflow(page);
  await expectAccessible(page);
  await page.screenshot({ path: testInfo.outputPath("grading-page-375.png"), fullPage: true });

  // Desk: two columns side by side, each scrolling on its own.
  await page.setViewportSize({ width: 1280, height: 800 });
  const answer = page.getByRole("region", { name: "学员答卷" });
  const rubric = page.getByRole("region", { name: "评分" });
  const learnerText = answer.locator(".answer-text").filter({ hasText: PART3_TEXT });
  await learnerText.scrollIntoViewIfNeeded();
  const [a, r] = [(await answer.boundingBox())!, (await rubric.boundingBox())!];
  expect(a.x + a.width, "the answer sits left of the rubric").toBeLessThanOrEqual(r.x);
  expect(a.width).toBeGreaterThan(400);
  expect(r.width).toBeGreaterThan(400);
  const pageScroll = await page.evaluate(() => window.scrollY);
  const scores = page.locator('input[type="number"][name^="points:"]');
  await rubric.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  await expect.poll(() => rubric.evaluate((el) => el.scrollTop)).toBeGreaterThan(200);
  expect(await page.evaluate(() => window.scrollY), "scrolling the rubric does not scroll the page").toBe(pageScroll);
  await expect(scores.last()).toBeInViewport();
  await expect(scores.first()).not.toBeInViewport();
  await expect(learnerText, "the answer stays in view while the rubric scrolls").toBeInViewport();

  // Live subtotals and the projected final, before anything is saved (part 1 and part 2's choices all right).
  const summary = page.getByRole("region", { name: "实时小计" });
  await expect(summary).toBeInViewport();
  await expect(figure(summary, "第三部分")).toContainText("0.0");
  const part2Fields = page.locator('input[name^="points:p2:"]');
  const part3Fields = page.locator('input[name^="points:p3:"]');
  const fillAll = async (fields: Locator, value: (max: number) => number) => {
    for (let i = 0; i < (await fields.count()); i++) {
      const max = Number(await fields.nth(i).getAttribute("max"));
      await fields.nth(i).fill(String(value(max)));
    }
  };
  await fillAll(part2Fields, (max) => max);
  await expect(figure(summary, "第二部分")).toContainText("100.0");
  await expect(figure(summary, "预计总分")).toContainText("60.0");
  await expect(figure(summary, "预计总分")).toContainText("未通过");
  await fillAll(part3Fields, (max) => max);
  await expect(figure(summary, "第三部分")).toContainText("100.0");
  await expect(figure(summary, "第三部分")).toContainText("评分 100/100");
  await expect(figure(summary, "预计总分")).toContainText("100.0");
  await expect(figure(summary, "预计总分")).toContainText("通过并获证");
  // Down to 50 in part 3: 30 + 30 + 0.4 × 50 = 80, 通过.
  let left = 50;
  await fillAll(part3Fields, (max) => {
    const points = Math.min(max, left);
    left -= points;
    return points;
  });
  await expect(figure(summary, "预计总分")).toContainText("80.0");
  await expect(figure(summary, "预计总分")).toContainText(/通过(?!并获证)/);
  // A score over the maximum is flagged at once and left out of the projection.
  const firstMax = Number(await part3Fields.first().getAttribute("max"));
  const firstValue = await part3Fields.first().inputValue();
  await part3Fields.first().fill(String(firstMax + 1));
  await expect(page.getByText(`分数不能超过该项满分 ${firstMax} 分`)).toBeVisible();
  await expect(summary).toContainText("1 项分数无效，未计入");
  await part3Fields.first().fill(firstValue);
  await expect(figure(summary, "预计总分")).toContainText("80.0");
  await expect(page.getByRole("status").filter({ hasText: "已完成批阅" })).toHaveCount(0);

  await page.getByRole("button", { name: "完成批阅" }).click();
  await expect(page.getByText("已完成批阅。成绩将在发布后对学员可见。")).toBeVisible();
  await expect(page.getByText(/状态：已批阅，待发布/)).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: testInfo.outputPath("grading-page-1280.png"), fullPage: true });

  // 发布: a dialog names the learner, the final and the status; 取消 changes nothing.
  await page.getByRole("button", { name: "发布成绩" }).click();
  const dialog = page.getByRole("dialog", { name: "发布这份成绩？" });
  await expect(dialog).toContainText(name);
  await expect(dialog).toContainText("总分 80.0");
  await expect(dialog.locator(".status-badge")).toHaveText("通过");
  await expect(dialog.getByRole("button", { name: "取消" })).toBeFocused();
  await expectAccessible(page);
  await page.screenshot({ path: testInfo.outputPath("grading-release-dialog-1280.png") });
  await dialog.getByRole("button", { name: "取消" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(/状态：已批阅，待发布/)).toBeVisible();
  await releaseGrade(page);
  await expect(page.getByRole("status").filter({ hasText: `已发布 ${name} 的成绩：总分 80.0 · 通过。` })).toBeVisible();

  // The released list: who, when, score, status, released by.
  await page.goto("/grading");
  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row).toContainText(email);
  await expect(row).toContainText("80.0");
  await expect(row.locator(".status-badge")).toHaveText("通过");
  await expect(row).toContainText("李讲师");
  await expect(row).toContainText(/\d{4}\/\d{1,2}\/\d{1,2}/);
  await expectAccessible(page);
  await page.screenshot({ path: testInfo.outputPath("grading-queue-1280.png"), fullPage: true });

  // And on a phone: released grades as cards, nothing wider than the screen.
  await page.setViewportSize({ width: 375, height: 740 });
  await page.reload();
  await expect(page.getByText(email)).toBeVisible();
  await expectNoHorizontalOverflow(page);
  await page.screenshot({ path: testInfo.outputPath("grading-released-375.png"), fullPage: true });
});
