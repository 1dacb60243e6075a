import { expect, test, type Page } from "@playwright/test";
import { expectAccessible } from "./axe";
import { signIn } from "./helpers";

// An admin builds a department tree on a phone, then reorganises it at a desk: the tree page
// answers every change beside its button and keeps its people.

const tree = (page: Page) => page.getByRole("list", { name: "部门树" });
const item = (page: Page, name: string) => tree(page).getByRole("listitem").filter({ has: page.getByRole("heading", { name, exact: true }) });

async function manage(page: Page, name: string) {
  const node = item(page, name);
  // A panel opened before stays open across the page's refresh after a change.
  const open = await node.locator("details").evaluate((details) => (details as HTMLDetailsElement).open);
  if (!open) await node.getByText(`管理「${name}」`).click();
  return node;
}

test("an admin creates, nests, moves and archives departments (375 px, then 1280 px)", async ({ page }) => {
  // Unique names: the demo company (seeded) has its own 华北大区.
  const tag = Date.now() % 100000;
  const company = `测试公司${tag}`;
  const [northName, eastName, teamName] = [`华北${tag}`, `华东${tag}`, `北京组${tag}`];
  await page.goto("/admin/departments");
  await signIn(page, "admin@example.com", "admin12345");
  await expect(page.getByRole("heading", { name: "部门", level: 1 })).toBeVisible();

  await page.getByLabel("名称", { exact: true }).fill(company);
  await page.getByRole("button", { name: "新建部门" }).click();
  await expect(page.getByRole("status").filter({ hasText: "已新建部门。" })).toBeVisible();
  await expect(item(page, company)).toBeVisible();

  for (const child of [northName, eastName]) {
    const node = await manage(page, company);
    await node.getByLabel("下级名称").fill(child);
    await node.getByRole("button", { name: "新建下级" }).click();
    await expect(item(page, child)).toBeVisible();
  }
  const north = await manage(page, northName);
  await north.getByLabel("下级名称").fill(teamName);
  await north.getByRole("button", { name: "新建下级" }).click();
  await expect(item(page, teamName)).toContainText(`${company} / ${northName} / ${teamName}`);
  await expectAccessible(page);
  await page.screenshot({ path: "test-results/departments-375.png", fullPage: true });

  await page.setViewportSize({ width: 1280, height: 800 });
  const beijing = await manage(page, teamName);
  await beijing.getByLabel("移到").selectOption({ label: `${company} / ${eastName}` });
  await beijing.getByRole("button", { name: "移动" }).click();
  await expect(item(page, teamName)).toContainText(`${company} / ${eastName} / ${teamName}`);

  const east = await manage(page, eastName);
  await east.getByRole("button", { name: "归档（含下级）" }).click();
  await expect(item(page, eastName)).toContainText("已归档");
  await expect(item(page, teamName)).toContainText("已归档");
  await expect(page.getByLabel("上级", { exact: true })).not.toContainText(eastName);
  await expectAccessible(page);
  await page.screenshot({ path: "test-results/departments-1280.png", fullPage: true });
});
