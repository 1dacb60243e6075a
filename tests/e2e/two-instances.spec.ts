import type { ChildProcess } from "node:child_process";
import { expect, test, type Page } from "@playwright/test";
import { startAssessment, submitAssessment } from "./assessment-helpers";
import { pressCompleteLesson, progressValue, signUp } from "./helpers";
import { freshLoopback, send } from "./from-address";
import { startServer } from "./servers";

// Two app instances on one database (the suite's server is A, this spec starts B): whatever a
// learner does on one, the other shows; rate-limit counters are shared too. Cookies are per host,
// not per port, so one browser session is signed in on both; drafts in localStorage are per
// origin, so what B shows comes from the database.
const A_PORT = Number(process.env.E2E_PORT ?? 3100);
const A = `http://localhost:${A_PORT}`;
const B_PORT = A_PORT + 100; // clear of the neighbouring ports other suites on this machine may use
const B = `http://localhost:${B_PORT}`;
const B_SIGN_IN_LIMIT = 3;
let b: ChildProcess | undefined;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  b = await startServer(B_PORT, { SIGN_IN_LIMIT_PER_MINUTE: String(B_SIGN_IN_LIMIT) });
});
test.afterAll(() => {
  b?.kill();
});

const saveStatus = (page: Page) => page.locator(".assessment-bar .save-status");

test("progress saved on one instance is what the other shows", async ({ page }) => {
  await signUp(page);
  await page.goto(`${B}/modules/platform-basics/jd-overview`);
  await pressCompleteLesson(page);

  await page.goto(`${A}/`);
  expect(await progressValue(page, "课程总进度")).toBeGreaterThan(0);
  await expect(page.getByText("下一课：京东用户画像与流量来源")).toBeVisible();
});

test("assessment answers saved on one instance are there on the other, and submitting on it is final on both", async ({ page }) => {
  test.setTimeout(120_000);
  const { attemptId } = await startAssessment(page);
  const attempt = `/assessment/attempts/${attemptId}`;

  await page.goto(`${B}${attempt}`);
  const onB = page.locator("fieldset.question").nth(2).locator("input").nth(1);
  await onB.check();
  await expect(saveStatus(page)).toHaveText("已保存");

  await page.goto(`${A}${attempt}`);
  await expect(page.locator("fieldset.question").nth(2).locator("input").nth(1)).toBeChecked();
  await page.locator("fieldset.question").nth(3).locator("input").first().check();
  await expect(saveStatus(page)).toHaveText("已保存");

  await page.goto(`${B}${attempt}`);
  await expect(page.locator("fieldset.question").nth(3).locator("input").first()).toBeChecked();
  await submitAssessment(page);

  await page.goto(`${A}${attempt}`);
  await expect(page.locator(".attempt-status")).toContainText("待批阅");
});

test("sign-in attempts counted on one instance count against the limit on the other", async () => {
  // A client address of its own (the socket's: see ./from-address), so no other test's sign-ins
  // share the counter.
  const from = freshLoopback();
  const attempt = (port: number, address: string) =>
    send(port, "/api/auth/sign-in/email", { from: address, method: "POST", json: { email: "nobody@example.com", password: "wrong-password" } });

  for (let i = 0; i < B_SIGN_IN_LIMIT; i++) expect((await attempt(A_PORT, from)).status).toBe(401);
  expect((await attempt(B_PORT, from)).status).toBe(429);
  // Another address still gets an honest answer from B.
  expect((await attempt(B_PORT, freshLoopback())).status).toBe(401);
});
