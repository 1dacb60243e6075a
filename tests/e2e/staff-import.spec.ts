import ExcelJS from "exceljs";
import { expect, test, type Page } from "@playwright/test";
import { expectAccessible } from "./axe";
import { signIn } from "./helpers";

// Issue 16, deliver 2: an admin imports staff from XLSX (bad rows refused, then fixed), and a new
// account's one-time link sets a password on a phone.

const DESK = { width: 1280, height: 900 };
const PHONE = { width: 375, height: 740 };
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

async function xlsx(rows: string[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("人员");
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function upload(page: Page, buffer: Buffer, name: string) {
  await page.getByLabel("人员文件（.xlsx 或 .csv）").setInputFiles({ name, mimeType: XLSX, buffer });
  await page.getByRole("button", { name: "预览" }).click();
  await expect(page.getByRole("heading", { name: "2. 预览" })).toBeVisible();
}

test("an admin imports staff from XLSX, bad rows first; a new account sets its password on a phone", async ({ page, browser }, testInfo) => {
  const stamp = Date.now();
  const email = (n: number) => `import-${stamp}-${n}@example.com`;
  const header = ["姓名", "邮箱", "部门", "角色", "工号"];
  const good = [
    ["周导入", email(1), "测试公司/华北大区/北京一组", "", `E${stamp}1`],
    ["吴导入", email(2), "测试公司/华北大区/北京二组", "部门负责人", ""],
    ["郑导入", email(3), "测试公司/华南大区", "讲师", ""],
  ];
  const bad = [...good, ["王坏行", "not-an-email", "测试公司/华南大区", "", ""], ["冯坏行", email(5), "测试公司", "经理", ""], ["陈坏行", email(1), "测试公司", "", ""]];

  await page.goto("/admin/people/import");
  await signIn(page, "admin@example.com", "admin12345");
  await expect(page.getByRole("heading", { name: "导入人员", level: 1 })).toBeVisible();

  // On a phone: the bad file is refused row by row, with nothing to confirm.
  await upload(page, await xlsx([header, ...bad]), "staff-bad.xlsx");
  const problems = page.getByRole("list", { name: "文件中的问题" });
  await expect(problems.getByRole("listitem")).toHaveText([
    "第 5 行 · 邮箱：邮箱格式不正确",
    "第 6 行 · 角色：角色须为学员、部门负责人、讲师、管理员之一（留空即为学员）",
    `第 7 行 · 邮箱：与第 2 行重复（${email(1)}），同一文件中每人只能出现一次`,
  ]);
  await expect(page.getByRole("button", { name: /确认导入/ })).toHaveCount(0);
  await expectAccessible(page);

  // At a desk: the fixed file previews as a readable table, then imports.
  await page.setViewportSize(DESK);
  await upload(page, await xlsx([header, ...good]), "staff-fixed.xlsx");
  await expect(problems).toHaveCount(0);
  const table = page.getByRole("region", { name: "导入预览" });
  await expect(table.getByRole("row")).toHaveCount(4);
  await expect(table.getByRole("row", { name: /周导入/ })).toContainText("测试公司 / 华北大区 / 北京一组");
  expect(await table.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
  await expectAccessible(page);
  await page.screenshot({ path: testInfo.outputPath("staff-import-preview-1280.png"), fullPage: true });
  await page.getByRole("button", { name: "确认导入（新建 3，更新 0）" }).click();
  await expect(page.getByRole("status").filter({ hasText: "已导入：新建 3 个账号" })).toBeVisible();
  const href = await page.getByRole("region", { name: "新账号的设置密码链接" }).getByRole("row", { name: /周导入/ }).getByRole("link").getAttribute("href");
  const link = new URL(href!);
  expect(link.pathname).toBe("/reset-password");

  // The same file again: nothing to do.
  await upload(page, await xlsx([header, ...good]), "staff-fixed.xlsx");
  await expect(page.getByText("文件中的人员都已是最新，无需导入。")).toBeVisible();

  // The new account, in a fresh browser on a phone: set a password, land signed in.
  const phone = await browser.newContext({ viewport: PHONE, locale: "zh-CN", baseURL: `${link.protocol}//${link.host}` });
  const learner = await phone.newPage();
  await learner.goto(`${link.pathname}${link.search}`);
  await expect(learner.getByRole("heading", { name: "设置密码", level: 1 })).toBeVisible();
  await expect(learner.getByText(email(1))).toBeVisible();
  await expectAccessible(learner);
  await learner.getByLabel("新密码（至少 8 位）").fill("imported123");
  await learner.getByLabel("确认密码").fill("imported123");
  await learner.getByRole("button", { name: "设置密码并登录" }).click();
  await expect(learner.getByRole("heading", { name: "京东运营线上培训", level: 1 })).toBeVisible();
  await expect(learner.getByRole("button", { name: "退出登录" })).toBeVisible();

  // The link worked once.
  await learner.goto(`${link.pathname}${link.search}`);
  await expect(learner.getByText("链接无效、已使用或已过期。请联系培训管理员重新发送设置密码链接。")).toBeVisible();
  await phone.close();
});
