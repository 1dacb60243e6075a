// Issue 14: the public course page, the course's look on the learner's pages (home, module,
// lesson), the module quiz's 未作答 notice, and the 404/403 pages, at 375 px and at 1280 px.
import type { Page } from "@playwright/test";
import { readAssessment } from "../../lib/content/banks";
import { readCourse } from "../../lib/content/load";
import { expectAccessible } from "./axe";
import { expect, test } from "./csp-fixture";
import { pressCompleteLesson, signUp } from "./helpers";

const { course } = readCourse();
const config = readAssessment().content!.config;
const LESSON = "/modules/platform-basics/jd-overview";
const WIDTHS = [375, 1280] as const;

const mainCount = (page: Page) => page.locator("main").count();

for (const width of WIDTHS) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: width === 375 ? 740 : 800 } });

    test("a signed-out visitor at / sees what the course teaches, its modules and lessons, the assessment, and the way in", async ({ page }, testInfo) => {
      const response = await page.goto("/");
      expect(response?.status()).toBe(200);
      await expect(page).toHaveURL(/\/$/);
      const main = page.getByRole("main");
      await expect(main.getByRole("heading", { name: "京东运营线上培训", level: 1 })).toBeVisible();

      // Every module with every lesson title, and nothing of a lesson's body.
      await expect(main.getByRole("heading", { name: `课程内容：${course.modules.length} 个模块` })).toBeVisible();
      for (const mod of course.modules) {
        await expect(main.getByRole("heading", { name: mod.title, level: 3 })).toBeVisible();
        const lessons = main.getByRole("list", { name: `${mod.title}的课程` }).getByRole("listitem");
        await expect(lessons).toHaveText(mod.lessons.map((lesson) => lesson.title));
      }
      await expect(main).not.toContainText("实操任务");

      // The assessment's figures come from content/assessment/config.yaml.
      const assessment = main.getByRole("region", { name: "结业考核" });
      for (const weight of [config.weights.part1, config.weights.part2, config.weights.part3]) {
        await expect(assessment.getByText(`占总分 ${weight}%`).first()).toBeVisible();
      }
      await expect(assessment).toContainText(`${config.passScore} 分及以上为通过`);
      await expect(assessment).toContainText(`${config.certificateScore} 分及以上获得京东认证运营专家证书`);
      await expect(assessment).toContainText(`限时 ${config.timeLimitMinutes} 分钟`);
      await expect(page.locator("main svg[aria-hidden='true']").first()).toBeVisible();

      await expectAccessible(page);
      await page.screenshot({ path: testInfo.outputPath(`public-course-${width}.png`), fullPage: true });

      await main.getByRole("link", { name: "注册", exact: true }).click();
      await expect(page).toHaveURL(/\/sign-up$/);
      await page.getByRole("main").getByRole("link", { name: "了解课程" }).click();
      await expect(page).toHaveURL(/\/$/);
      await page.getByRole("main").getByRole("link", { name: "登录", exact: true }).click();
      await expect(page).toHaveURL(/\/sign-in$/);
      await page.getByRole("main").getByRole("link", { name: "了解课程" }).click();
      await expect(main.getByRole("heading", { name: "结业考核", level: 2 })).toBeVisible();
    });

    test("a learner's home, module page and lesson", async ({ page }, testInfo) => {
      await signUp(page);
      await expectAccessible(page);
      // Module cards in one row line up: same height, titles and progress bars at the same height.
      const cards = page.locator(".module-list").first().locator(".module-card");
      await expect(cards).toHaveCount(course.modules.length);
      const boxes = await Promise.all([0, 1].map((i) => cards.nth(i).boundingBox()));
      const titles = await Promise.all([0, 1].map((i) => cards.nth(i).locator("h3").boundingBox()));
      const bars = await Promise.all([0, 1].map((i) => cards.nth(i).getByRole("progressbar").boundingBox()));
      if (width === 1280) {
        expect(boxes[1]!.y).toBeCloseTo(boxes[0]!.y, 0);
        expect(boxes[1]!.height).toBeCloseTo(boxes[0]!.height, 0);
        expect(titles[1]!.y).toBeCloseTo(titles[0]!.y, 0);
        expect(bars[1]!.y).toBeCloseTo(bars[0]!.y, 0);
      } else {
        expect(boxes[1]!.y).toBeGreaterThan(boxes[0]!.y + boxes[0]!.height); // one column
      }
      await page.screenshot({ path: testInfo.outputPath(`home-${width}.png`), fullPage: true });

      await page.goto("/modules/platform-basics");
      const lastRow = await page.locator(".lesson-row").last().boundingBox();
      const quizCard = await page.locator(".quiz-summary").boundingBox();
      expect(quizCard!.y - (lastRow!.y + lastRow!.height)).toBeGreaterThanOrEqual(16);
      await expectAccessible(page);
      await page.screenshot({ path: testInfo.outputPath(`module-${width}.png`), fullPage: true });

      await page.goto(LESSON);
      const toc = page.getByRole("navigation", { name: "本课目录" }).locator("details");
      // Closed on a phone (the first screen is the lesson), open in the side column at a desk.
      if (width === 375) await expect(toc).not.toHaveAttribute("open");
      else await expect(toc).toHaveAttribute("open");
      await pressCompleteLesson(page);
      await expect(page.getByRole("link", { name: /^下一课/ })).toHaveCount(1);
      await expectAccessible(page);
      await page.screenshot({ path: testInfo.outputPath(`lesson-${width}.png`), fullPage: true });
    });
  });
}

test("submitting a module quiz with unanswered questions names them, with the focus on the notice", async ({ page }, testInfo) => {
  await signUp(page);
  await page.goto("/modules/platform-basics/quiz");
  const questions = page.locator("fieldset.question");
  const count = await questions.count();
  await questions.nth(0).locator("input").first().check();
  await questions.nth(2).locator("input").first().check();
  // A chosen option is blue (selected), not the red that means wrong.
  const chosen = questions.nth(0).locator(".question__option").filter({ has: page.locator("input:checked") });
  await expect(chosen).toHaveCSS("background-color", "rgb(234, 242, 254)");

  await page.getByRole("button", { name: "提交测验" }).click();
  const notice = page.getByRole("region", { name: /题未作答/ });
  await expect(notice).toBeFocused();
  await expect(notice).toContainText(`还有 ${count - 2} 题未作答：第 2 题、第 4 题`);
  await expect(page).toHaveURL(/\/quiz$/);
  await expectAccessible(page);
  await page.screenshot({ path: testInfo.outputPath("quiz-unanswered-375.png"), fullPage: true });

  // The list follows the answers; with none left the notice goes and the quiz submits.
  await notice.getByRole("link", { name: "第 2 题" }).click();
  await questions.nth(1).locator("input").first().check();
  await expect(notice).not.toContainText("第 2 题");
  for (let i = 3; i < count; i++) await questions.nth(i).locator("input").first().check();
  await expect(notice).toHaveCount(0);
  await page.getByRole("button", { name: "提交测验" }).click();
  await expect(page.getByRole("heading", { name: /测验结果/ })).toBeVisible();
});

test("404 and 403 pages hold one <main>; an unknown certificate code answers 404", async ({ page }) => {
  expect((await page.goto("/no-such-page"))?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "页面不存在" })).toBeVisible();
  expect(await mainCount(page)).toBe(1);
  await expectAccessible(page);

  for (const path of ["/verify/ABCD-EFGH-JKMN-PQRS", "/verify/not-a-code"]) {
    expect((await page.goto(path))?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "未找到该证书" })).toBeVisible();
    await expect(page.getByText("16 位，由数字和字母组成")).toBeVisible();
    expect(await mainCount(page)).toBe(1);
  }
  await expectAccessible(page);
  expect((await page.goto("/certificates/ABCDEFGHJKMNPQRS"))?.status()).toBe(404);

  await signUp(page);
  expect((await page.goto("/grading"))?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "没有访问权限" })).toBeVisible();
  expect(await mainCount(page)).toBe(1);
  await expectAccessible(page);
  expect((await page.goto("/modules/platform-basics/no-such-lesson"))?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "页面不存在" })).toBeVisible();
  expect(await mainCount(page)).toBe(1);
});
