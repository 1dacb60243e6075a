import { expect, test, type Locator, type Page, type TestInfo } from "@playwright/test";
import { gradeAndReleaseAsTrainer } from "./assessment-helpers";
import { expectAccessible } from "./axe";
import { answerAllChoicesCorrectly, completeAllLessons } from "./db";
import { signIn, signOut, signUp } from "./helpers";

// Issue 14: a learner who has finished the lessons is one tap from the next right step, on the
// home page and on the 结业考核 page, in every state, at 375 px and at 1280 px.

const WIDTHS = [
  { width: 375, height: 740 },
  { width: 1280, height: 900 },
];

async function atBothWidths(page: Page, check: (width: number) => Promise<void>) {
  for (const size of WIDTHS) {
    await page.setViewportSize(size);
    await check(size.width);
  }
  await page.setViewportSize(WIDTHS[0]);
}

/** The element is on the first screen, without scrolling. */
async function expectOnFirstScreen(page: Page, locator: Locator) {
  await expect(locator).toBeVisible();
  const box = (await locator.boundingBox())!;
  expect(box.y + box.height, "on the first screen").toBeLessThanOrEqual(page.viewportSize()!.height);
}

const shoot = async (page: Page, info: TestInfo, name: string, width: number) => void (await page.screenshot({ path: info.outputPath(`${name}-${width}.png`), fullPage: true }));

/** Home and /assessment both show this status and lead, first screen, to this step. */
async function expectNextStep(page: Page, info: TestInfo, state: { status: string; action: string; here?: { button: string }; shot: string }) {
  await atBothWidths(page, async (width) => {
    await page.goto("/");
    const home = page.getByRole("region", { name: "结业考核", exact: true });
    await expect(home.locator(".status-badge")).toHaveText(state.status);
    await expectOnFirstScreen(page, home.getByRole("link", { name: state.action, exact: true }));
    await shoot(page, info, `home-${state.shot}`, width);
    if (width === 375) await expectAccessible(page);

    await page.goto("/assessment");
    const panel = page.getByRole("region", { name: "结业考核", exact: true });
    await expect(panel.locator(".status-badge")).toHaveText(state.status);
    const action = state.here ? panel.getByRole("button", { name: state.here.button, exact: true }) : panel.getByRole("link", { name: state.action, exact: true });
    await expectOnFirstScreen(page, action);
    if (width === 375) await expectAccessible(page);
  });
}

test("a learner who finished the lessons follows the one next step from start to certificate", async ({ page }, info) => {
  test.setTimeout(240_000);
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));

  const name = "旅程学员"; // as printed: a certificate prints letters, not the digits a unique name would need
  const { email, password } = await signUp(page, name);
  await expect(page.getByRole("link", { name: "开始学习" })).toBeVisible();
  await completeAllLessons(email);

  // Ready: the assessment, not the lessons, is next.
  await expectNextStep(page, info, { status: "未开始", action: "开始结业考核", here: { button: "开始考核" }, shot: "ready" });
  await page.goto("/assessment");
  await expect(page.getByRole("button", { name: "开始考核", exact: true })).toBeVisible();

  // Starting asks first, says what is left after this attempt, and Esc backs out.
  const startButton = page.getByRole("button", { name: "开始考核", exact: true });
  await startButton.click();
  const startDialog = page.getByRole("dialog", { name: "确认开始结业考核？" });
  await expect(startDialog).toContainText("这将用掉 1 次考核机会，开始后还剩 1 次。");
  await expect(startDialog.getByRole("button", { name: "取消" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(startDialog).toBeHidden();
  await expect(startButton).toBeFocused();
  await startButton.click();
  await startDialog.getByRole("button", { name: "确认开始" }).click();
  await expect(page).toHaveURL(/\/assessment\/attempts\/[a-z0-9]+$/);
  const attemptId = page.url().split("/").pop()!;

  // The attempt page: one sticky header with the part navigator, answered/total, one save status, the timer.
  const header = page.locator(".assessment-bar");
  await expect(header.getByRole("navigation", { name: "跳转到考卷各部分" }).getByRole("link")).toHaveText(["第一部分", "第二部分", "第三部分"]);
  await expect(page.locator(".save-status")).toHaveCount(1);
  await expect(header).toContainText(/已答 0\/\d+/);
  const total = Number((await header.textContent())!.match(/已答 0\/(\d+)/)![1]);
  await page.locator("fieldset.question").first().locator("input").first().check();
  await expect(header).toContainText(`已答 1/${total}`);
  await expect(header.locator(".save-status")).toHaveText("已保存");
  await page.getByLabel("1. 定位与选品").fill("主打小户型收纳，先做 1-2 款爆品。");
  await expect(header).toContainText(`已答 2/${total}`);
  await expect(header.locator(".save-status")).toHaveText("已保存");
  await header.getByRole("link", { name: "第三部分" }).click();
  await expect(page.getByRole("heading", { name: /第三部分 运营方案设计/ })).toBeInViewport();
  await expect(header).toBeInViewport();
  await page.screenshot({ path: info.outputPath("attempt-part3-sticky-375.png") });
  await atBothWidths(page, async (width) => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await shoot(page, info, "attempt", width);
    await expectAccessible(page);
  });

  // React #418 (a hydration text mismatch) on none of five loads.
  errors.length = 0;
  for (let i = 0; i < 5; i++) {
    await page.reload();
    await expect(header.locator(".countdown__clock")).toContainText(/剩余 1:5\d:\d\d/);
    await page.waitForLoadState("networkidle");
  }
  expect(errors.filter((e) => /418|Hydration|hydrat/i.test(e))).toEqual([]);

  // In progress: 继续作答 on both pages.
  await expectNextStep(page, info, { status: "进行中", action: "继续作答", shot: "in-progress" });
  await page.getByRole("region", { name: "结业考核", exact: true }).getByRole("link", { name: "继续作答" }).click();
  await expect(page).toHaveURL(new RegExp(`/assessment/attempts/${attemptId}$`));

  // The submit dialog lists what is unanswered, by part, with links to the questions.
  await answerAllChoicesCorrectly(attemptId);
  await page.reload();
  await page.locator(".quiz-submit").getByRole("button", { name: "提交答卷" }).click();
  const submitDialog = page.getByRole("dialog", { name: "确认提交答卷？" });
  await expect(submitDialog.getByRole("heading", { name: /第三部分 运营方案设计（4 题）/ })).toBeVisible();
  await expect(submitDialog.getByRole("heading", { name: /第一部分/ })).toHaveCount(0);
  await expect(submitDialog.getByRole("link", { name: "2. 流量获取" })).toBeVisible();
  await submitDialog.getByRole("link", { name: "2. 流量获取" }).click();
  await expect(submitDialog).toBeHidden();
  await expect(page.getByLabel("2. 流量获取")).toBeFocused();
  await expect(page.getByLabel("2. 流量获取")).toBeInViewport();
  await page.locator(".quiz-submit").getByRole("button", { name: "提交答卷" }).click();
  await submitDialog.getByRole("button", { name: "确认提交" }).click();
  await expect(page.locator(".attempt-status")).toContainText("待批阅");

  // Waiting for the grade: a neutral 待批阅 and no way to start (and spend) another attempt.
  await expectNextStep(page, info, { status: "待批阅", action: "查看已交答卷", shot: "waiting" });
  await page.goto("/assessment");
  await expect(page.getByRole("button", { name: /开始考核|再考一次/ })).toHaveCount(0);
  await expect(page.getByRole("region", { name: "结业考核", exact: true })).toContainText("等待批阅期间不能开始新的考核");
  await page.goto(`/assessment/attempts/${attemptId}`);
  await atBothWidths(page, async (width) => shoot(page, info, "result-waiting", width));
  await signOut(page);

  await gradeAndReleaseAsTrainer(page, attemptId, 100);

  // Released with a certificate: 通过并获证 in gold, the certificate one tap from home.
  await page.goto("/sign-in");
  await signIn(page, email, password);
  await expect(page.getByRole("heading", { name: "京东运营线上培训", level: 1 })).toBeVisible();
  await expectNextStep(page, info, { status: "通过并获证", action: "下载证书", shot: "certified" });
  await page.goto("/assessment");
  await expect(page.getByRole("button", { name: /开始考核|再考一次/ })).toHaveCount(0);
  await page.goto("/");
  await page.getByRole("region", { name: "结业考核", exact: true }).getByRole("link", { name: "下载证书" }).click();
  await expect(page).toHaveURL(new RegExp(`/assessment/attempts/${attemptId}#certificate$`));

  const badge = page.locator(".attempt-status .status-badge");
  await expect(badge).toHaveText("通过并获证");
  await expect(badge).toHaveCSS("color", "rgb(138, 90, 0)");
  await atBothWidths(page, async (width) => {
    await page.goto(`/assessment/attempts/${attemptId}`);
    const picture = page.getByRole("img", { name: /证书预览：京东认证运营专家证书/ });
    await expect(picture).toHaveAccessibleName(new RegExp(`${name}，总分 \\d+\\.\\d 分`));
    await expectOnFirstScreen(page, page.getByRole("heading", { name: "恭喜获得京东认证运营专家证书" }));
    if (width === 1280) await expectOnFirstScreen(page, page.getByRole("link", { name: "下载证书（PDF）" }));
    // 课程到此结束 comes after the certificate.
    const certificateTop = (await picture.boundingBox())!.y;
    expect((await page.getByText("课程到此结束", { exact: false }).boundingBox())!.y).toBeGreaterThan(certificateTop);
    await shoot(page, info, "result-certified", width);
    await expectAccessible(page);
  });
});
