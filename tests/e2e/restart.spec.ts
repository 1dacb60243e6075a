import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { E2E_SERVER_ENV } from "../../playwright.config";
import { pressCompleteLesson, progressValue, signIn, signUp } from "./helpers";

const FRESH_PORT = 3199;
let server: ChildProcess | undefined;

async function startFreshServer() {
  server = spawn(path.resolve("node_modules/.bin/next"), ["start", "-p", String(FRESH_PORT)], {
    env: { ...process.env, ...E2E_SERVER_ENV },
    stdio: "ignore",
  });
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`http://localhost:${FRESH_PORT}/sign-in`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("fresh server did not start");
}

test.afterAll(() => {
  server?.kill();
});

test("progress survives a server restart (a new server process on the same database)", async ({ page }) => {
  const { email, password } = await signUp(page);
  await page.goto("/modules/platform-basics/jd-overview");
  await pressCompleteLesson(page);

  await startFreshServer();
  await page.context().clearCookies();
  await page.goto(`http://localhost:${FRESH_PORT}/`);
  await signIn(page, email, password);
  await expect(page.getByRole("heading", { name: "京东运营线上培训", level: 1 })).toBeVisible();
  expect(await progressValue(page, "课程总进度")).toBeGreaterThan(0);
  await expect(page.getByText("下一课：京东用户画像与流量来源")).toBeVisible();
});
