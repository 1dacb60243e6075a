import type { ChildProcess } from "node:child_process";
import { expect, test } from "@playwright/test";
import { pressCompleteLesson, progressValue, signIn, signUp } from "./helpers";
import { startServer } from "./servers";

const FRESH_PORT = 3199;
let server: ChildProcess | undefined;

test.afterAll(() => {
  server?.kill();
});

test("progress survives a server restart (a new server process on the same database)", async ({ page }) => {
  const { email, password } = await signUp(page);
  await page.goto("/modules/platform-basics/jd-overview");
  await pressCompleteLesson(page);

  server = await startServer(FRESH_PORT);
  await page.context().clearCookies();
  await page.goto(`http://localhost:${FRESH_PORT}/sign-in`);
  await signIn(page, email, password);
  await expect(page.getByRole("heading", { name: "京东运营线上培训", level: 1 })).toBeVisible();
  expect(await progressValue(page, "课程总进度")).toBeGreaterThan(0);
  await expect(page.getByText("下一课：京东用户画像与流量来源")).toBeVisible();
});
