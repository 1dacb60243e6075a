import { expect, test, type Page } from "@playwright/test";
import { releaseGrade, startAssessment, submitAssessment } from "./assessment-helpers";
import { withDb } from "./db";
import { signIn, signOut, signUp } from "./helpers";

// Blind double grading (decision 043): a trainer picks an attempt, two graders score it without
// seeing each other, a disagreement waits for a third grader, and only then can it be released.

test.slow();

const inputs = (page: Page) => page.locator('input[type="number"][name^="points:"]');

/** Sets every score input: the first criterion to `first`, the others to their maximum. */
async function scoreAll(page: Page, first: (max: number) => number) {
  await page.locator('input[type="number"][name^="points:"]').evaluateAll(
    (inputs, firstValues) => {
      (inputs as HTMLInputElement[]).forEach((input, i) => {
        input.value = String(i === 0 ? firstValues[0] : Number(input.max));
      });
    },
    [first(Number(await page.locator('input[type="number"][name^="points:"]').first().getAttribute("max")))],
  );
}

// Staff accounts other specs made, set aside while this spec needs nobody but the pair to grade.
let demoted: { id: string; role: string }[] = [];
test.afterEach(async () => {
  await withDb(async (db) => {
    for (const user of demoted) await db.user.update({ where: { id: user.id }, data: { role: user.role } });
  });
  demoted = [];
});

test("two graders score blind, a disagreement goes to a third grader, then the grade is released", async ({ page }) => {
  // The third grader-to-be: a learner for now; the admin makes them a trainer when the desk asks.
  const thirdName = `仲裁讲师${Date.now() % 100000}`;
  const third = await signUp(page, thirdName);
  await signOut(page);

  const { attemptId, email, password } = await startAssessment(page, "双评学员");
  await submitAssessment(page);
  await signOut(page);

  // The trainer (phone) picks it for double grading, then grades: full marks everywhere.
  await page.goto(`/grading/${attemptId}`);
  await signIn(page, "trainer@example.com", "trainer123");
  await page.getByRole("button", { name: "设为双评" }).click();
  // The desk turns into the blind form at once: the plan in the header, the 盲评 notice, no button.
  await expect(page.getByText("双评（讲师指定）")).toBeVisible();
  await expect(page.getByText(/^盲评：/)).toBeVisible();
  await expect(page.getByRole("button", { name: "设为双评" })).toHaveCount(0);
  await scoreAll(page, (max) => max);
  await page.getByRole("button", { name: "完成批阅" }).click();
  // The form gives way to where the attempt stands.
  await expect(page.getByText(/^你已完成评分。另一位批阅人评分后，系统比对两份评分/)).toBeVisible();
  await expect(inputs(page)).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "你的评分" })).toBeVisible();
  await page.goto("/grading");
  await expect(page.getByRole("listitem").filter({ hasText: "双评学员" })).toContainText("双评 · 你已评分，等待另一位批阅人");
  await signOut(page);

  // The admin (desk, 1280 px) sees an empty form, not the trainer's marks, and disagrees on one criterion.
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`/grading/${attemptId}`);
  await signIn(page, "admin@example.com", "admin12345");
  await expect(page.getByText("双评（讲师指定）")).toBeVisible();
  for (const value of await inputs(page).evaluateAll((all) => (all as HTMLInputElement[]).map((i) => i.value))) expect(value).toBe("");
  await expect(page.getByText("完成双评评分")).toHaveCount(0);
  await scoreAll(page, () => 0);
  await page.getByRole("button", { name: "完成批阅" }).click();
  await expect(page.getByText(/个评分项上的分差超出容差（满分的 20%）。等待第三位批阅人仲裁后生成成绩。$/)).toBeVisible();
  await page.reload();
  await expect(page.getByText(/状态：待批阅/)).toBeVisible();
  await expect(page.getByRole("button", { name: "发布成绩" })).toHaveCount(0);
  await expect(page.getByText(/等待第三位批阅人仲裁/)).toBeVisible();

  // With nobody else allowed to grade, the desk says the attempt would wait for ever and sends the
  // admin to 用户角色, where the third grader becomes a trainer; then the warning is gone.
  await withDb(async (db) => {
    demoted = await db.user.findMany({ where: { role: { in: ["trainer", "admin"] }, email: { notIn: ["trainer@example.com", "admin@example.com"] } }, select: { id: true, role: true } });
    await db.user.updateMany({ where: { id: { in: demoted.map((u) => u.id) } }, data: { role: "learner" } });
  });
  await page.reload();
  await expect(page.getByRole("note")).toContainText("目前没有第三位可以仲裁的批阅人");
  await page.getByRole("note").getByRole("link", { name: "用户角色" }).click();
  await page.getByRole("searchbox", { name: "搜索姓名或邮箱" }).fill(third.email);
  await page.getByRole("button", { name: "搜索" }).click();
  const roleForm = page.locator("form").filter({ has: page.getByLabel(`${thirdName}的角色`) });
  await roleForm.getByLabel(`${thirdName}的角色`).selectOption({ label: "讲师" });
  await roleForm.getByRole("button", { name: "保存" }).click();
  await expect(roleForm.getByRole("status")).toContainText("已将角色设为「讲师」");
  await page.goto(`/grading/${attemptId}`);
  await expect(page.getByText(/等待第三位批阅人仲裁/)).toBeVisible();
  await expect(page.getByRole("note")).toHaveCount(0);
  await signOut(page);

  // The third grader (phone) sees both graders' points on the disputed criterion only, and settles it.
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto("/grading");
  await signIn(page, third.email, third.password);
  await expect(page.getByRole("listitem").filter({ hasText: "双评学员" })).toContainText("双评分歧 · 待仲裁");
  await page.getByRole("link", { name: /双评学员/ }).click();
  await expect(page.getByText(/^仲裁：两位批阅人在 1 个评分项上的分差超出容差/)).toBeVisible();
  await expect(inputs(page)).toHaveCount(1);
  await expect(page.getByText(/^批阅人甲：\d+(\.5)? 分$/)).toBeVisible();
  await expect(page.getByText(/^批阅人乙：\d+(\.5)? 分$/)).toBeVisible();
  await expect(page.getByText(/^双评一致：取两位批阅人的平均分/).first()).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await inputs(page).fill(String(Number(await inputs(page).getAttribute("max")) / 2));
  await page.getByRole("button", { name: "完成批阅" }).click();
  await expect(page.getByText(/状态：已批阅，待发布/)).toBeVisible();
  await expect(page.getByText(/仲裁后生成成绩 · 总分 \d+\.\d/)).toBeVisible();
  await releaseGrade(page);
  await signOut(page);

  await page.goto(`/assessment/attempts/${attemptId}`);
  await signIn(page, email, password);
  await expect(page.getByRole("row", { name: /总分/ })).toContainText(/\d+\.\d 分/);
});

test("an admin sets the share and tolerance; bad values are refused in zh-CN and kept in the field", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/admin/settings");
  await signIn(page, "admin@example.com", "admin12345");
  const section = page.locator("section").filter({ has: page.getByRole("heading", { name: "双评（评分一致性）" }) });
  const share = section.getByLabel(/双评比例/);
  await share.fill("101");
  // Past the browser's own range check, as a hand-made request would be.
  await section.locator("form").evaluate((form) => form.setAttribute("novalidate", ""));
  await section.getByRole("button", { name: "保存双评设置" }).click();
  await expect(section.getByRole("status")).toHaveText("双评比例不能大于 100%");
  await expect(share).toHaveValue("101");
  await share.fill("0");
  await section.getByRole("button", { name: "保存双评设置" }).click();
  await expect(section.getByRole("status")).toContainText("已保存：不再随机抽取双评");
  await page.reload();
  await expect(section.getByLabel(/双评比例/)).toHaveValue("0");
});
