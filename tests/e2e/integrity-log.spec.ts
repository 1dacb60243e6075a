import { expect, test, type Page, type Route } from "@playwright/test";
import { startAssessment, submitAssessment } from "./assessment-helpers";
import { signIn, signOut } from "./helpers";

// What the browser does when the learner switches to another tab or app: the real events,
// dispatched (a headless browser never loses focus on its own). The visibility override is removed
// right away, so the browser's own visibility changes (say, at a reload) stay real.
const setVisibility = (page: Page, state: "hidden" | "visible") =>
  page.evaluate((value) => {
    Object.defineProperty(document, "visibilityState", { value, configurable: true });
    document.dispatchEvent(new Event("visibilitychange"));
    delete (document as { visibilityState?: string }).visibilityState;
  }, state);
async function leavePage(page: Page) {
  await page.evaluate(() => window.dispatchEvent(new Event("blur")));
  await setVisibility(page, "hidden");
}
async function comeBack(page: Page) {
  await setVisibility(page, "visible");
  await page.evaluate(() => window.dispatchEvent(new Event("focus")));
}
const pending = (page: Page, attemptId: string) =>
  page.evaluate((id) => {
    const stored = JSON.parse(localStorage.getItem("jd-course-assessment-integrity") ?? "{}") as { state?: { pending?: Record<string, unknown[]> } };
    return stored.state?.pending?.[id]?.length ?? 0;
  }, attemptId);

test("leaving the page and pasting are logged with the autosave, through a dropped connection and a reload, and the trainer reads them", async ({ page }) => {
  const { attemptId, email } = await startAssessment(page, "切屏记录学员");
  await expect(page.getByText("作答期间离开本页面（切换标签页或窗口）和粘贴文字会被记录时间，供阅卷老师参考。")).toBeVisible();
  await expect.poll(() => pending(page, attemptId)).toBe(0); // the page's opening, sent

  // Saves fail (the connection dropped): the events wait in this browser, and a reload keeps them.
  const dropSaves = (route: Route) => (route.request().method() === "POST" ? route.abort() : route.continue());
  await page.route("**/assessment/attempts/**", dropSaves);
  await leavePage(page);
  await page.waitForTimeout(2_000);
  await comeBack(page);
  await expect(page.locator(".assessment-bar .save-status")).toHaveText("离线，恢复后自动保存");
  expect(await pending(page, attemptId)).toBe(4);
  await page.reload();
  await expect(page.getByRole("heading", { name: /第一部分 理论知识测试/ })).toBeVisible();
  await expect.poll(() => pending(page, attemptId)).toBeGreaterThanOrEqual(5); // the four, and this opening
  await page.unroute("**/assessment/attempts/**", dropSaves);
  await expect.poll(() => pending(page, attemptId), { timeout: 15_000 }).toBe(0);

  // A paste into the plan: where and how long, never the text.
  const plan = page.getByLabel("1. 定位与选品");
  await plan.fill("主打小户型收纳。");
  await plan.evaluate((el) => {
    const data = new DataTransfer();
    data.setData("text/plain", "复制来的文字");
    el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await leavePage(page);
  await comeBack(page);
  await expect.poll(() => pending(page, attemptId)).toBe(0);
  await expect(page.locator(".assessment-bar .save-status")).toHaveText("已保存");
  await submitAssessment(page);
  await signOut(page);

  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`/grading/${attemptId}`);
  await signIn(page, "trainer@example.com", "trainer123");
  const log = page.getByRole("region", { name: "切屏与粘贴记录" });
  await expect(log).toContainText(/离开页面 \d 次，共 \d+ 秒；粘贴 1 次，共 6 字/);
  await expect(log).toContainText("不会自动影响成绩");
  await log.getByText(/逐条记录（\d+ 条，北京时间）/).click();
  const entries = log.getByRole("listitem");
  await expect(entries.filter({ hasText: "打开答题页面" })).toHaveCount(2);
  expect(await entries.filter({ hasText: "窗口失去焦点" }).count()).toBeGreaterThanOrEqual(2);
  await expect(entries.filter({ hasText: "在第三部分第 1 项粘贴 6 字" })).toContainText(/\d{4}\/\d{1,2}\/\d{1,2} \d{2}:\d{2}:\d{2}/);
  await expect(log).not.toContainText("复制来的文字");

  // The same log on the learner's admin page, in the attempt's card.
  await page.goto("/admin");
  await page.getByLabel("搜索姓名或邮箱").fill(email);
  await page.getByRole("button", { name: "筛选" }).click();
  await page.getByRole("row").filter({ hasText: email }).getByRole("link", { name: "切屏记录学员" }).click();
  const card = page.getByRole("region", { name: /第 1 次/ });
  await expect(card).toContainText(/离开页面 \d 次，共 \d+ 秒；粘贴 1 次，共 6 字/);
  await card.getByText(/逐条记录/).click();
  await expect(card.getByRole("listitem").filter({ hasText: "在第三部分第 1 项粘贴 6 字" })).toBeVisible();
});
