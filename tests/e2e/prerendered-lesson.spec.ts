// Decision 011: a lesson is prerendered HTML, the same for every learner; the proxy asks for a
// session, a hash-based CSP lets exactly the page's own inline scripts run, and the learner's own
// state (header, progress, completion) is read after load.
import { createHash } from "node:crypto";
import { expect, test } from "./csp-fixture";
import { pressCompleteLesson, progressValue, signIn, signUp } from "./helpers";

const LESSON = "/modules/platform-basics/jd-overview";

test("a signed-out visitor is sent to sign-in and comes back to the lesson", async ({ page }) => {
  await page.goto(LESSON);
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fmodules%2Fplatform-basics%2Fjd-overview$/);
  await signIn(page, "learner@example.com", "learner123");
  await expect(page).toHaveURL(new RegExp(`${LESSON}$`));
  await expect(page.getByRole("heading", { name: "京东电商平台概览", level: 1 })).toBeVisible();
  await expect(page.locator(".site-header__user")).toHaveText("王小京");
});

test("two learners get byte-identical lesson HTML, with a hash CSP covering every inline script", async ({ page, browser }) => {
  await signUp(page, "学员丙");
  const first = await page.request.get(LESSON);
  const other = await browser.newContext();
  const page2 = await other.newPage();
  await signUp(page2, "学员丁");
  const second = await (await page2.request.get(LESSON)).text();
  await other.close();

  const html = await first.text();
  expect(second).toBe(html);
  expect(html).not.toContain("学员丙");

  const csp = first.headers()["content-security-policy"];
  const scripts = csp.split(";").map((d) => d.trim().split(/\s+/)).find(([name]) => name === "script-src")!.slice(1);
  expect(scripts).not.toContain("'unsafe-inline'");
  expect(scripts.some((s) => s.startsWith("'nonce-"))).toBe(false);
  expect(csp).not.toContain("unsafe-eval");
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  expect(inline.length).toBeGreaterThan(2);
  for (const body of inline) expect(scripts).toContain(`'sha256-${createHash("sha256").update(body).digest("base64")}'`);
});

test("the learner's own state fills in after load and follows a completion", async ({ page }) => {
  await signUp(page, "学员戊");
  await page.goto(LESSON);
  await expect(page.locator(".site-header__user")).toHaveText("学员戊");
  expect(await progressValue(page, "本模块进度")).toBe(0);
  await pressCompleteLesson(page);
  await expect.poll(() => progressValue(page, "本模块进度")).toBeGreaterThan(0);
  await page.reload();
  await expect(page.getByRole("status").filter({ hasText: "已完成本课" })).toBeVisible();
  await expect(page.getByRole("link", { name: /^下一课/ })).toHaveCount(1);
});

test("an ended session on an open lesson sends the learner to sign in again", async ({ page, context }) => {
  await signUp(page);
  // A session cookie the server does not know: the HTML is served, the state request says 401.
  const cookies = await context.cookies();
  await context.clearCookies();
  await context.addCookies(cookies.filter((c) => c.name.includes("session_token")).map((c) => ({ ...c, value: "forged.value" })));
  await page.goto(LESSON);
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fmodules%2Fplatform-basics%2Fjd-overview$/);
});
