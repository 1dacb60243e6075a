import { expect, test, type Page } from "@playwright/test";
import { placeInDepartment, userIdOf } from "./db";
import { signIn, signOut, signUp } from "./helpers";

// Issue 16, deliverable 5: an admin makes a user 部门负责人 of 华北 on /admin/roles; signed in,
// that user sees only their subtree on the dashboard, in a hand-typed learner URL and in the CSV.

const staffNav = (page: Page) => page.getByRole("navigation", { name: "教学管理" });

for (const viewport of [{ width: 375, height: 740 }, { width: 1280, height: 900 }]) {
  test(`a department head sees only their subtree (${viewport.width} px)`, async ({ page }) => {
    await page.setViewportSize(viewport);
    const tag = `${viewport.width}-${Date.now() % 100000}`;
    const company = `测试公司${tag}`;

    const north = await signUp(page, `华北学员${tag}`);
    await placeInDepartment([company, "华北大区", "北京一组"], north.email);
    await signOut(page);
    const east = await signUp(page, `华东学员${tag}`);
    await placeInDepartment([company, "华东大区"], east.email);
    await signOut(page);
    const headName = `负责人${tag}`;
    const head = await signUp(page, headName);
    await signOut(page);

    // The admin makes them 部门负责人 of 华北大区 (not 北京一组: the head sees the whole subtree).
    await page.goto(`/admin/roles?q=${encodeURIComponent(head.email)}`);
    await signIn(page, "admin@example.com", "admin12345");
    const form = page.locator("form").filter({ has: page.getByLabel(`${headName}的角色`) });
    await form.getByLabel(`${headName}的角色`).selectOption({ label: "部门负责人" });
    await form.getByLabel(`${headName}的部门`).selectOption({ label: `${company} / 华北大区` });
    await expect(form.getByLabel(`${headName}的批阅权限`)).not.toBeChecked();
    await form.getByRole("button", { name: "保存" }).click();
    await expect(form.getByRole("status")).toContainText("已将角色设为「部门负责人」，无批阅权限");
    await expect(page.getByRole("row").filter({ hasText: headName })).toContainText(`${company} / 华北大区`);
    await signOut(page);

    await page.goto("/admin");
    await signIn(page, head.email, head.password);
    await expect(page.getByRole("heading", { level: 1, name: "学员总览：华北大区及下级部门" })).toBeVisible();
    await expect(page.getByRole("row").filter({ hasText: north.email })).toHaveCount(1);
    await expect(page.getByRole("row").filter({ hasText: east.email })).toHaveCount(0);
    await expect(page.getByRole("heading", { name: /^共 1 名学员/ })).toBeVisible();
    // The navigation offers exactly what a department head without 批阅权限 may open.
    await expect(staffNav(page).getByRole("link")).toHaveText(["学员管理", "部门报表", "导出学员表"]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);

    // A learner outside the subtree, by a hand-typed URL, is the same 404 as a missing user.
    const eastId = await userIdOf(east.email);
    expect((await page.goto(`/admin/learners/${eastId}`))?.status()).toBe(404);
    expect((await page.goto(`/admin/learners/no-such-user`))?.status()).toBe(404);
    expect((await page.goto(`/admin/learners/${await userIdOf(north.email)}`))?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1, name: `华北学员${tag}` })).toBeVisible();

    // The CSV holds only their people.
    const csv = await (await page.request.get("/admin/export")).text();
    expect(csv).toContain(north.email);
    expect(csv).not.toContain(east.email);
    expect(csv.split("\n").filter((line) => line.trim()).length).toBe(2);

    // The department report starts at their department; 华东大区 is not in it, nor in its XLSX.
    await page.goto("/admin/reports");
    const report = page.getByRole("region", { name: "各部门明细" });
    await expect(report.getByRole("rowheader").getByRole("link", { name: "华北大区", exact: true })).toBeVisible();
    await expect(report.getByRole("row").filter({ hasText: "华东大区" })).toHaveCount(0);
    const xlsx = await page.request.get("/admin/reports/export?format=xlsx");
    expect(xlsx.status()).toBe(200);

    // Trainer-only pages stay closed.
    for (const path of ["/grading", "/analytics", "/admin/certificates", "/admin/roles", "/preview"]) {
      expect((await page.goto(path))?.status(), path).toBe(403);
    }
  });
}
