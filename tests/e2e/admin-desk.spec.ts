import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { parse } from "yaml";
import { E2E_DATABASE_URL } from "../../playwright.config";
import { drawPaper } from "../../lib/assessment/paper";
import { readAssessment } from "../../lib/content/banks";
import { createDbClient } from "../../lib/db-client";
import { expectAccessible } from "./axe";
import { completeAllLessons } from "./db";
import { signIn, signOut, signUp } from "./helpers";

// Issue 14, deliver 4: the admin at a desk (1280 px) and on a phone (375 px).

const DESK = { width: 1280, height: 900 };
const PHONE = { width: 375, height: 740 };

/** A certified learner with a long email, written straight to the database (set-up, not under test). */
async function seedCertificate(name: string) {
  const db = createDbClient(E2E_DATABASE_URL);
  try {
    const stamp = Date.now();
    const user = await db.user.create({
      data: { id: randomUUID(), name, email: `a.very.long.mailbox.name.for.wrapping-${stamp}@subsidiary.example.com`, role: "learner" },
    });
    const submittedAt = new Date(stamp - 86_400_000);
    const attempt = await db.assessmentAttempt.create({
      data: {
        userId: user.id, number: 1, seed: "desk", status: "released", paper: JSON.stringify(drawPaper(readAssessment().content!, "desk")), startedAt: new Date(submittedAt.getTime() - 3_600_000),
        deadlineAt: new Date(submittedAt.getTime() + 3_600_000), submittedAt, part1Score: 95, part2Score: 92, part3Score: 94,
        finalScore: 93.7, outcome: "certified", gradedAt: submittedAt, releasedAt: submittedAt,
      },
    });
    const code = `DESK${String(stamp).slice(-12)}`.replace(/[ILOU]/g, "0").slice(0, 16).padEnd(16, "0");
    await db.certificate.create({ data: { code, userId: user.id, attemptId: attempt.id, printedName: name, courseName: "京东运营线上培训", finalScore: 93.7 } });
  } finally {
    await db.$disconnect();
  }
}

/** The text of one summary figure (a <dd> under its <dt>). */
const figure = (page: Page, term: string) =>
  page.locator("dl > div").filter({ has: page.locator("dt").getByText(term, { exact: true }) }).locator("dd");

const staffNav = (page: Page) => page.getByRole("navigation", { name: "教学管理" });

async function pageWidth(page: Page) {
  return page.evaluate(() => document.documentElement.scrollWidth);
}

test("at a desk the dashboard shows summary figures over a table that fits, and the staff navigation reaches 证书", async ({ page }, testInfo) => {
  const name = `概况学员${Date.now() % 100000}`;
  const { email } = await signUp(page, name);
  await completeAllLessons(email);
  await signOut(page);

  await page.setViewportSize(DESK);
  await page.goto("/admin");
  await signIn(page, "admin@example.com", "admin12345");
  await expect(page.getByRole("heading", { name: "学员总览", level: 1 })).toBeVisible();
  await page.goto(`/admin?q=${encodeURIComponent(name)}`);

  // Figures over the learners the filter matches: one learner who has finished every lesson.
  await expect(page.getByRole("heading", { name: /概况（符合筛选条件的学员）/ })).toBeVisible();
  await expect(figure(page, "学员")).toHaveText("1名");
  await expect(figure(page, "课程完成率")).toContainText("100.0%");
  await expect(figure(page, "已提交考核")).toHaveText("0人，占学员 0.0%");
  await expect(figure(page, "通过率")).toContainText("—");
  await expect(figure(page, "获证率")).toContainText("已发布 0 人中 0 人获证");
  await expect(figure(page, "待批阅")).toContainText("份");

  // Every learner: the table uses the page's width; the last column (测8) ends inside the window.
  await page.goto("/admin");
  await expect(figure(page, "学员")).toBeVisible();
  const table = page.getByRole("region", { name: "学员列表" });
  await expect(table).toBeVisible();
  const lastHeader = table.locator("thead th").last();
  await expect(lastHeader).toContainText("测8");
  const box = (await lastHeader.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(DESK.width);
  expect(await table.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
  expect((await table.boundingBox())!.width).toBeGreaterThan(1000); // wider than the 960 px reading column
  await expect(staffNav(page).getByRole("link", { name: "学员管理" })).toHaveAttribute("aria-current", "page");
  await expectAccessible(page);
  await page.screenshot({ path: testInfo.outputPath("admin-dashboard-1280.png"), fullPage: true });

  // The staff navigation links every staff page; an admin also sees 角色.
  for (const [label, href] of [
    ["批阅", "/grading"],
    ["证书", "/admin/certificates"],
    ["角色", "/admin/roles"],
    ["数据分析", "/analytics"],
    ["题目分析", "/analytics/items"],
    ["内容预览", "/preview"],
  ]) {
    await expect(staffNav(page).getByRole("link", { name: label, exact: true })).toHaveAttribute("href", href);
  }
  await staffNav(page).getByRole("link", { name: "证书", exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/certificates$/);
  await expect(page.getByRole("heading", { name: "证书管理", level: 1 })).toBeVisible();
  await expect(staffNav(page).getByRole("link", { name: "证书", exact: true })).toHaveAttribute("aria-current", "page");
  await expect(staffNav(page).getByRole("link", { name: "学员管理" })).not.toHaveAttribute("aria-current", /.+/);
});

test("a trainer's staff navigation leaves out 角色 (admins only)", async ({ page }) => {
  await page.goto("/grading");
  await signIn(page, "trainer@example.com", "trainer123");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(staffNav(page).getByRole("link", { name: "批阅", exact: true })).toHaveAttribute("aria-current", "page");
  await expect(staffNav(page).getByRole("link", { name: "证书", exact: true })).toBeVisible();
  await expect(staffNav(page).getByRole("link", { name: "角色", exact: true })).toHaveCount(0);
});

test("on a phone every staff page fits the screen; item analysis shows option texts and no flag before 20 responses", async ({ page }, testInfo) => {
  test.setTimeout(120_000); // a quiz, then every staff page with a screenshot each
  // One learner answers the module 1 quiz: one response per question, far below the minimum.
  await signUp(page);
  await page.goto("/modules/platform-basics/quiz");
  const questions = page.locator("fieldset.question");
  await expect(questions.first()).toBeVisible();
  const count = await questions.count();
  for (let i = 0; i < count; i++) await questions.nth(i).locator("input").first().check();
  await page.getByRole("button", { name: "提交测验" }).click();
  await expect(page.getByRole("heading", { name: /测验结果/ })).toBeVisible();
  await signOut(page);
  await seedCertificate(`证书学员${Date.now() % 100000}`);

  await page.setViewportSize(PHONE);
  await page.goto("/admin");
  await signIn(page, "admin@example.com", "admin12345");
  await expect(page.getByRole("heading", { name: "学员总览", level: 1 })).toBeVisible();
  await expect(figure(page, "学员")).toBeVisible();
  await expect(staffNav(page)).toBeVisible();
  expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
  await page.screenshot({ path: testInfo.outputPath("admin-dashboard-375.png"), fullPage: true });

  for (const [path, heading] of [
    ["/admin", "学员总览"],
    ["/admin/certificates", "证书管理"],
    ["/analytics", "学习数据分析"],
    ["/analytics/items", "题目分析"],
    ["/grading", /批阅/],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole("heading", { name: heading, level: 1 })).toBeVisible();
    await expect(staffNav(page)).toBeVisible();
    if (path === "/analytics/items") await expect(page.getByRole("heading", { name: /模块 1 测验/ })).toBeVisible();
    expect(await pageWidth(page), path).toBeLessThanOrEqual(PHONE.width);
    await expectAccessible(page);
  }
  await expect(page.getByRole("heading", { name: /批阅/, level: 1 })).toBeVisible();

  // Item analysis: the option texts themselves, a share per option, and no 过易/过难 on one response.
  await page.goto("/analytics/items");
  const quiz = parse(readFileSync("content/01-platform-basics/quiz.yaml", "utf8")) as { questions: { options: { text: string }[] }[] };
  const section = page.locator("section", { has: page.getByRole("heading", { name: /模块 1 测验/ }) });
  const firstRow = section.locator("tbody tr").first();
  for (const option of quiz.questions[0].options) await expect(firstRow).toContainText(option.text);
  await expect(firstRow).toContainText("✓ 正确答案");
  // Earlier specs may have answered this quiz too: a share with its head count, whatever it is.
  await expect(firstRow).toContainText(/\d+%（\d+ 人）/);
  await expect(section.getByText("作答不足 20 人，暂不标记").first()).toBeVisible();
  expect(await section.getByText("作答不足 20 人，暂不标记").count()).toBeGreaterThanOrEqual(count);
  await expect(section.getByText(/^(过易|过难|区分度低)$/)).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath("item-analysis-375.png"), fullPage: true });
});
