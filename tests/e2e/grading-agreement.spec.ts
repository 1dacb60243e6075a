import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { EXAMPLE, insertAgreementExample } from "../integration/support/agreement-example";
import { expectAccessible } from "./axe";
import { withDb } from "./db";
import { signIn } from "./helpers";

// Issue 19, deliverable 3: a trainer opens 评分一致性 and reads the hand-computed figures of
// lib/grading/agreement.test.ts (worked out in tests/integration/support/agreement-example.ts)
// for attempts this spec writes to the end-to-end database, at a desk and on a phone.

const figure = (page: Page, term: string) => page.locator("dl > div").filter({ has: page.locator("dt").getByText(term, { exact: true }) }).locator("dd");

test("a trainer reads grader agreement at 1280 px and 375 px, figures with their n", async ({ page }, testInfo) => {
  const tag = randomUUID().slice(0, 6);
  const firstName = `甲评分员${tag}`;
  const secondName = `乙评分员${tag}`;
  await withDb(async (db) => {
    // The page's figures span every double grading in the database; specs run one at a time, so
    // clearing what earlier specs left makes this spec's hand example the only data behind them.
    await db.blindGrade.deleteMany({});
    const graders = [firstName, secondName].map((name) => ({ id: randomUUID(), name, email: `${randomUUID()}@example.com`, role: "trainer" }));
    await db.user.createMany({ data: graders });
    await insertAgreementExample(db, graders[0].id, graders[1].id);
  });

  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/analytics");
  await signIn(page, "trainer@example.com", "trainer123");
  await page.getByRole("link", { name: /查看评分一致性/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "评分一致性" })).toBeVisible();

  await expect(figure(page, "双评份数")).toHaveText("5 份");
  await expect(figure(page, "一次评定一致")).toHaveText("4 份");
  await expect(figure(page, "送仲裁")).toHaveText("1 份其中待仲裁 1 份");

  // 全店自查与处罚应对: ICC 4.05 / 5.45 = 0.7431, mean absolute difference 1 point = 10%, n = 5.
  const criterion = page.getByRole("region", { name: "按评分项的评分一致性", exact: true }).getByRole("row").filter({ hasText: EXAMPLE.criterion.label });
  await expect(criterion.getByRole("cell")).toHaveText(["实操案例分析", "10", "5", "0.743（中等）", "1.00 分 / 10.0%"]);
  // Pair on rubric totals in %: the same ICC, 1 / 160 = 0.625% apart on average.
  const pair = page.getByRole("region", { name: "按评分员组合的评分一致性", exact: true }).getByRole("row").filter({ hasText: `${firstName} / ${secondName}` });
  await expect(pair.getByRole("cell")).toHaveText(["5", "0.743（中等）", "0.6%"]);
  // Leniency ±0.375 percentage points, over 5 attempts each, the more lenient first.
  const leniency = page.getByRole("region", { name: "各评分员的宽严度", exact: true }).getByRole("row");
  await expect(leniency.filter({ hasText: firstName }).getByRole("cell")).toHaveText(["5", "+0.4"]);
  await expect(leniency.filter({ hasText: secondName }).getByRole("cell")).toHaveText(["5", "−0.4"]);
  await expect(page.getByText("≥ 0.75 良好，0.5–0.75 中等，< 0.5 较差")).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: testInfo.outputPath("grading-agreement-1280.png"), fullPage: true });

  const csv = await page.request.get("/analytics/grading/export");
  expect(csv.status()).toBe(200);
  expect(await csv.text()).toContain(`评分项,${EXAMPLE.criterion.label},实操案例分析,10,5,0.7431,1,10`);

  // On a phone the tables scroll inside their own boxes; the page itself never scrolls sideways.
  await page.setViewportSize({ width: 375, height: 740 });
  await page.reload();
  await expect(criterion.getByRole("cell").nth(3)).toHaveText("0.743（中等）");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  for (const name of ["按评分项的评分一致性", "按评分员组合的评分一致性", "各评分员的宽严度"]) {
    const box = (await page.getByRole("region", { name, exact: true }).boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(375);
  }
  await page.screenshot({ path: testInfo.outputPath("grading-agreement-375.png"), fullPage: true });
});
