import { randomUUID } from "node:crypto";
import { expect, test, type Locator } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { readModuleQuiz } from "../../lib/content/banks";
import { quizResponses } from "../../lib/item-responses/rows";
import { expectAccessible } from "./axe";
import { withDb } from "./db";
import { signIn, signOut, signUp } from "./helpers";

// Confidence-based marking (issue 18, decision 039) on module 6's quiz, which has it on: a learner
// answers with chosen options and confidences (the hand-computed example), gets 1 of 36 beside
// 7 of 12 and sees it in the calibration chart; a trainer sees the 高信心答错 flag at a desk.

const SLUG = "data-and-customers";
const DIR = "content/06-data-and-customers";
const { questions } = readModuleQuiz(DIR);
const LABEL = { 1: "低", 2: "中", 3: "高" } as const;

/** Decision 039's example: per question right or wrong, and the confidence. */
const EXAMPLE: [boolean, 1 | 2 | 3][] = [
  [true, 3], [true, 3], [true, 3], [true, 3],
  [true, 2], [true, 2],
  [true, 1],
  [false, 1],
  [false, 2], [false, 2],
  [false, 3], [false, 3],
];

const wrongOption = (q: (typeof questions)[number]) => q.options.find((o) => !q.answer.includes(o.id))!;

async function answer(fieldset: Locator, q: (typeof questions)[number], right: boolean) {
  const texts = right ? q.options.filter((o) => q.answer.includes(o.id)).map((o) => o.text) : [wrongOption(q).text];
  for (const text of texts) await fieldset.getByLabel(text, { exact: true }).check();
}

/** Set-up, not under test: four more learners answered the last question at 高, two of them wrong. */
async function seedConfidentAnswers() {
  const last = questions.at(-1)!;
  await withDb(async (db) => {
    for (const right of [true, true, false, false]) {
      const user = await db.user.create({ data: { id: randomUUID(), name: "信心学员", email: `confident-${randomUUID()}@example.com`, role: "learner" } });
      const review = [{ id: last.id, version: last.version, chosen: right ? last.answer : [wrongOption(last).id], correct: right, confidence: 3 }];
      const score = right ? 100 : 0;
      const attempt = await db.quizAttempt.create({
        data: { userId: user.id, moduleSlug: SLUG, correct: right ? 1 : 0, total: 1, score, review: JSON.stringify(review), confidencePoints: right ? 3 : -6 },
      });
      await db.itemResponse.createMany({ data: quizResponses(SLUG, score, review, true).map((r) => ({ ...r, quizAttemptId: attempt.id, userId: user.id })) });
    }
  });
}

test("a learner's confidence-marked quiz scores the hand-computed example and shows it in the calibration chart; a trainer sees 高信心答错", async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  expect(questions).toHaveLength(EXAMPLE.length);
  await signUp(page);
  await page.goto(`/modules/${SLUG}/quiz`);
  await expect(page.getByText("本测验使用信心标记")).toBeVisible();
  const fieldsets = page.locator("fieldset.question");
  await expect(fieldsets).toHaveCount(questions.length);

  for (const [i, q] of questions.entries()) {
    const [right, confidence] = EXAMPLE[i];
    const fieldset = fieldsets.nth(i);
    await answer(fieldset, q, right);
    // The last confidence is left out at first: the form names the question instead of submitting.
    if (i < questions.length - 1) await fieldset.getByRole("radio", { name: LABEL[confidence], exact: true }).check();
  }
  await expectAccessible(page);
  await page.screenshot({ path: testInfo.outputPath("confidence-quiz-375.png"), fullPage: true });
  await page.getByRole("button", { name: "提交测验" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "第 12 题还没有选择「我有多确定？」" })).toBeVisible();
  await expect(page).toHaveURL(/\/quiz$/);
  await fieldsets.nth(11).getByRole("radio", { name: "高", exact: true }).check();
  await page.getByRole("button", { name: "提交测验" }).click();

  // 7 of 12 right; 信心得分 12 + 4 + 1 + 0 − 4 − 12 = 1 of 36 = 2.8%.
  await expect(page.getByRole("heading", { name: /测验结果/ })).toBeVisible();
  await expect(page.locator(".quiz-score")).toContainText("得分 58.3 分（答对 7/12 题）");
  await expect(page.getByText("信心得分 2.8 分（1 / 36 分）")).toBeVisible();
  const chart = page.getByRole("img", { name: /信心校准图/ });
  await expect(chart).toHaveAttribute("aria-label", /低：2 题，答对 1 题（50%）.*中：4 题，答对 2 题（50%）.*高：6 题，答对 4 题（67%）/);
  const table = page.getByRole("table", { name: "信心校准数据" });
  for (const [level, answers, correct, accuracy] of [["低", 2, 1, "50%"], ["中", 4, 2, "50%"], ["高", 6, 4, "67%"]] as const) {
    const row = table.locator("tr", { has: page.getByRole("rowheader", { name: level, exact: true }) });
    await expect(row.locator("td")).toHaveText([String(answers), String(correct), accuracy]);
  }
  await expect(page.locator(".review").nth(10)).toContainText(/你的信心：高\s*-6 分/);
  await expectAccessible(page);
  await page.screenshot({ path: testInfo.outputPath("confidence-result-375.png"), fullPage: true });
  await signOut(page);

  // With four more answers at 高 to the last question, 3 of its 5 are wrong (60% ≥ 30%): flagged.
  await seedConfidentAnswers();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/analytics/items");
  await signIn(page, "trainer@example.com", "trainer123");
  await expect(page.getByRole("heading", { name: "题目分析", level: 1 })).toBeVisible();
  const section = page.locator("section", { has: page.getByRole("heading", { name: /模块 6 测验/ }) });
  const rowOf = (id: string) => section.locator("tbody tr", { has: page.locator("code", { hasText: new RegExp(`^${id}$`) }) });
  const last = rowOf(questions.at(-1)!.id);
  await expect(last).toContainText("3/5（60%）");
  await expect(last.getByText("高信心答错", { exact: true })).toBeVisible();
  // The first question: one answer at 高, right: no flag.
  const first = rowOf(questions[0].id);
  await expect(first).toContainText("0/1（0%）");
  await expect(first.getByText("高信心答错", { exact: true })).toHaveCount(0);
  await expectAccessible(page);
  await last.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath("confidence-item-analysis-1280.png"), fullPage: true });

  const csv = await (await page.request.get("/analytics/items/export")).text();
  const [header, ...records] = parse(csv, { bom: true }) as string[][];
  const row = records.find((r) => r[1] === questions.at(-1)!.id)!;
  expect(row[header.indexOf("高信心作答人数")]).toBe("5");
  expect(row[header.indexOf("高信心答错人数")]).toBe("3");
  expect(row[header.indexOf("标记")]).toContain("高信心答错");
});
