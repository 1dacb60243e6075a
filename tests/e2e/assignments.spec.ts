import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { beijingDay, endOfBeijingDay, startOfBeijingDay } from "../../lib/assignments/status";
import { expectAccessible } from "./axe";
import { withDb } from "./db";
import { signIn, signUp } from "./helpers";

// 学习任务 as a training manager and a learner meet them: an admin at a desk assigns the course to
// two departments with a due date; a learner of one of them (in a sub-department) sees it on their
// phone with the due date and the days left; a task whose due date has passed shows 已逾期.
// The department tree is set up in the database (managing departments is another page's test).

const DAY_MS = 24 * 60 * 60 * 1000;
const stamp = `${Date.now() % 1_000_000}`;
const names = { root: `测试公司${stamp}`, ops: `店铺运营部${stamp}`, service: `客服部${stamp}`, team: `运营一组${stamp}`, other: `财务部${stamp}` };

/** root → 店铺运营部 → 运营一组, root → 客服部, root → 财务部; the ids by key. */
function makeDepartments() {
  return withDb(async (db) => {
    const ids: Record<string, string> = {};
    const add = async (key: keyof typeof names, parent?: { id: string; path: string; depth: number }) => {
      const id = randomUUID();
      const path = `${parent?.path ?? ""}${id}/`;
      await db.department.create({ data: { id, name: names[key], parentId: parent?.id ?? null, path, depth: parent ? parent.depth + 1 : 0 } });
      ids[key] = id;
      return { id, path, depth: parent ? parent.depth + 1 : 0 };
    };
    const root = await add("root");
    const ops = await add("ops", root);
    await add("service", root);
    await add("other", root);
    await add("team", ops);
    return ids;
  });
}

const joinDepartment = (email: string, departmentId: string) => withDb((db) => db.user.update({ where: { email }, data: { departmentId } }));

test("an admin assigns the course to two departments; a learner of one sees it on the phone, and 已逾期 once the due date has passed", async ({ page, browser }) => {
  test.slow(); // two browsers and several pages: minutes on a loaded machine
  const departments = await makeDepartments();
  const learnerName = `任务学员${stamp}`;
  const learner = await signUp(page, learnerName);
  await joinDepartment(learner.email, departments.team);
  await expect(page.getByRole("heading", { name: "学习任务" })).toHaveCount(0);

  // The admin, at a desk.
  const desk = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "zh-CN" });
  const admin = await desk.newPage();
  await admin.goto("/admin/assignments/new");
  await signIn(admin, "admin@example.com", "admin12345");
  await expect(admin.getByRole("heading", { name: "新建学习任务", level: 1 })).toBeVisible();
  await expectAccessible(admin);
  const now = new Date();
  const due = beijingDay(new Date(now.getTime() + 3 * DAY_MS));
  const title = `店铺运营必修${stamp}`;
  await admin.getByLabel("任务名称").fill(title);
  await expect(admin.getByRole("radio", { name: "整门课程" })).toBeChecked();
  await admin.getByLabel("开始日期（北京时间）").fill(beijingDay(now));
  await admin.getByLabel("截止日期（北京时间，当天 24 点前）").fill(due);
  await admin.getByRole("checkbox", { name: names.ops, exact: true }).check();
  await admin.getByRole("checkbox", { name: names.service, exact: true }).check();
  await admin.getByRole("button", { name: "创建学习任务" }).click();

  await expect(admin.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  await expect(admin.getByRole("status").filter({ hasText: "已保存。" })).toBeVisible();
  await expect(admin.getByText(`部门：${names.root} / ${names.ops}、${names.root} / ${names.service}`).or(admin.getByText(`部门：${names.root} / ${names.service}、${names.root} / ${names.ops}`))).toBeVisible();
  const row = admin.getByRole("row").filter({ hasText: learnerName });
  await expect(row.getByText("未开始")).toBeVisible();
  await expect(row.getByText(`${names.root} / ${names.ops} / ${names.team}`)).toBeVisible();
  await expectAccessible(admin);
  await admin.goto("/admin/assignments");
  await expect(admin.getByRole("row").filter({ hasText: title }).getByRole("cell", { name: "1 / 0 / 0" })).toBeVisible();
  await admin.screenshot({ path: "test-results/assignments-admin-1280.png", fullPage: true });
  await desk.close();

  // The learner, on the phone.
  const [, month, date] = due.split("-").map(Number);
  await page.goto("/");
  const tasks = page.getByRole("region", { name: "学习任务" });
  const task = tasks.getByRole("listitem").filter({ hasText: title });
  await expect(task).toBeVisible();
  await expect(task.getByText(`${month}月${date}日截止`)).toBeVisible();
  await expect(task.getByText("还剩 3 天")).toBeVisible();
  await expect(task.getByText("未开始")).toBeVisible();
  await expect(task.getByText("整门课程")).toBeVisible();
  const box = await task.boundingBox();
  expect(box!.x + box!.width).toBeLessThanOrEqual(375);
  await expectAccessible(page);
  await task.getByRole("link", { name: `继续学习：${title}` }).click();
  await expect(page).toHaveURL(/\/modules\/[^/]+\/[^/]+$/);

  // A task whose due date has passed (set up in the database: its dates are in the past).
  const lateTitle = `上月复习${stamp}`;
  await withDb((db) =>
    db.assignment.create({
      data: {
        title: lateTitle, scope: "assessment", startsAt: startOfBeijingDay(beijingDay(new Date(now.getTime() - 10 * DAY_MS))),
        dueAt: endOfBeijingDay(beijingDay(new Date(now.getTime() - 2 * DAY_MS))), createdById: "e2e", targets: { create: [{ departmentId: departments.ops }] },
      },
    }),
  );
  await page.goto("/");
  const late = tasks.getByRole("listitem").filter({ hasText: lateTitle });
  await expect(late.getByText("已逾期", { exact: true })).toBeVisible();
  await expect(late.getByText("已逾期 2 天")).toBeVisible();
  await expect(late.getByText("结业考核")).toBeVisible();
  await page.screenshot({ path: "test-results/assignments-home-375.png", fullPage: true });

  // The admin, on a phone: names one more person directly through the people search.
  const phone = await browser.newContext({ viewport: { width: 375, height: 740 }, locale: "zh-CN" });
  const mobileAdmin = await phone.newPage();
  await mobileAdmin.goto("/admin/assignments");
  await signIn(mobileAdmin, "admin@example.com", "admin12345");
  // Signing in navigates back here; axe must not start before that page has loaded.
  await expect(mobileAdmin.getByRole("heading", { name: "学习任务", level: 1 })).toBeVisible();
  await expectAccessible(mobileAdmin);
  await mobileAdmin.getByRole("link", { name: title }).click();
  await mobileAdmin.getByRole("link", { name: "修改任务" }).click();
  await expect(mobileAdmin.getByRole("heading", { name: "修改学习任务", level: 1 })).toBeVisible();
  await expect(mobileAdmin.getByLabel("截止日期（北京时间，当天 24 点前）")).toHaveValue(due);
  await expect(mobileAdmin.getByRole("checkbox", { name: names.ops, exact: true })).toBeChecked();
  await expectAccessible(mobileAdmin);
  await mobileAdmin.getByLabel("搜索学员姓名或邮箱").fill("learner@example.com");
  await mobileAdmin.getByRole("button", { name: "搜索", exact: true }).click();
  await mobileAdmin.getByRole("button", { name: "添加 王小京" }).click();
  await expect(mobileAdmin.getByRole("list", { name: "已选学员" }).getByText("王小京")).toBeVisible();
  await mobileAdmin.getByRole("button", { name: "保存修改" }).click();
  await expect(mobileAdmin.getByRole("status").filter({ hasText: "已保存。" })).toBeVisible();
  await expect(mobileAdmin.getByText("学员：王小京")).toBeVisible();
  await expect(mobileAdmin.getByText("已分配 2 人 · 已完成 0 人 · 已逾期 0 人")).toBeVisible();
  await expectAccessible(mobileAdmin);
  await mobileAdmin.screenshot({ path: "test-results/assignments-admin-375.png", fullPage: true });
  // Each person links to their learner page, which lists their 学习任务 with the status.
  await mobileAdmin.getByRole("row").filter({ hasText: learnerName }).getByRole("link", { name: learnerName }).click();
  await expect(mobileAdmin.getByRole("heading", { name: learnerName, level: 1 })).toBeVisible();
  const theirs = mobileAdmin.getByRole("region", { name: "学习任务" });
  await expect(theirs.getByRole("row").filter({ hasText: title }).getByText("未开始")).toBeVisible();
  await expect(theirs.getByRole("row").filter({ hasText: lateTitle }).getByText("已逾期", { exact: true })).toBeVisible();
  await phone.close();
});
