import { randomUUID } from "node:crypto";
import ExcelJS from "exceljs";
import { expect, test } from "@playwright/test";
import { E2E_DATABASE_URL } from "../../playwright.config";
import { createDbClient } from "../../lib/db-client";
import { signIn, signOut, signUp } from "./helpers";

// Issue 16: an admin opens the department report, sees an overdue learner counted in their
// department, drills down to the dashboard filtered by it, and downloads the XLSX.

/** A company of two levels and a 学习任务 due yesterday for it, made directly (set-up, not under test). */
async function companyWithOverdueLearner(email: string) {
  const db = createDbClient(E2E_DATABASE_URL);
  try {
    const top = randomUUID();
    const group = randomUUID();
    const suffix = top.slice(0, 4);
    await db.department.create({ data: { id: top, name: `测试公司${suffix}`, path: `${top}/`, depth: 0 } });
    await db.department.create({ data: { id: group, name: `运营${suffix}组`, parentId: top, path: `${top}/${group}/`, depth: 1 } });
    await db.user.update({ where: { email }, data: { departmentId: group } });
    const day = 86_400_000;
    await db.assignment.create({
      data: {
        title: `全课程必修${suffix}`, scope: "course", startsAt: new Date(Date.now() - 10 * day), dueAt: new Date(Date.now() - day), createdById: "e2e",
        targets: { create: [{ departmentId: top }] },
      },
    });
    return { groupName: `运营${suffix}组`, companyName: `测试公司${suffix}`, groupId: group };
  } finally {
    await db.$disconnect();
  }
}

for (const width of [375, 1280]) {
  test(`an admin finds an overdue learner in their department's report and drills down (${width} px)`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    const name = `逾期学员${Date.now() % 100000}`;
    const { email } = await signUp(page, name);
    await signOut(page);
    const { groupName, companyName, groupId } = await companyWithOverdueLearner(email);

    await page.goto("/admin/reports");
    await signIn(page, "admin@example.com", "admin12345");
    await expect(page.getByRole("heading", { name: "部门报表", level: 1 })).toBeVisible();
    const table = page.getByRole("region", { name: "各部门明细" });
    const row = table.getByRole("row").filter({ has: page.getByRole("link", { name: groupName, exact: true }) });
    // 人数, 已分配, 已开始, 已完成, 已逾期
    await expect(row.getByRole("cell")).toHaveText(["1", "1", "0", "0", "1", "0", "0", "0", "—", "—", "—", "—"]);
    const company = table.getByRole("row").filter({ has: page.getByRole("link", { name: companyName, exact: true }) });
    await expect(company.getByRole("cell").nth(4)).toHaveText("1");
    // The comparison chart names the department with its rates as text.
    await expect(page.getByRole("list", { name: "部门对比" })).toBeVisible();

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /导出 Excel/ }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile((await download.path())!);
    const sheet = book.getWorksheet("部门报表")!;
    const lines = sheet.getSheetValues().slice(2).map((r) => (r as unknown[]).slice(1));
    const mine = lines.find((r) => String(r[0]).endsWith(`${companyName} / ${groupName}`))!;
    expect(mine.slice(2, 7)).toEqual([1, 1, 0, 0, 1]);

    await row.getByRole("link", { name: groupName, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/admin\\?dept=${groupId}`));
    await expect(page.getByLabel("部门（含下级）")).toHaveValue(groupId);
    const learner = page.getByRole("row").filter({ hasText: name });
    await expect(learner).toHaveCount(1);
    await expect(learner).toContainText("已逾期");
    await expect(learner).toContainText(groupName);
    await expect(page.getByRole("heading", { name: /共 1 名学员/ })).toBeVisible();
  });
}
