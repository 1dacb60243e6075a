// Issue 8: a nonce-based Content-Security-Policy and the other security headers on every kind of
// response, and every interactive piece of the app still working under it (the CSP fixture fails
// a test on any violation the browser reports).
import type { APIResponse, Response } from "@playwright/test";
import { startAssessment, submitAssessment } from "./assessment-helpers";
import { expect, test } from "./csp-fixture";
import { pressCompleteLesson, signIn, signOut, signUp } from "./helpers";

function directive(policy: string, name: string): string[] {
  const found = policy.split(";").map((d) => d.trim().split(/\s+/)).find(([n]) => n === name);
  return found ? found.slice(1) : [];
}

function expectSecurityHeaders(response: APIResponse | Response, referrerPolicy = "strict-origin-when-cross-origin") {
  const headers = response.headers();
  const csp = headers["content-security-policy"];
  expect(csp, response.url()).toBeTruthy();
  const scripts = directive(csp, "script-src");
  expect(scripts).toContain("'strict-dynamic'");
  expect(scripts.some((s) => /^'nonce-[A-Za-z0-9+/=]{16,}'$/.test(s))).toBe(true);
  expect(scripts).not.toContain("'unsafe-inline'");
  expect(csp).not.toContain("unsafe-eval");
  expect(directive(csp, "frame-ancestors")).toEqual(["'none'"]);
  expect(directive(csp, "object-src")).toEqual(["'none'"]);
  expect(directive(csp, "base-uri")).toEqual(["'self'"]);
  expect(directive(csp, "form-action")).toEqual(["'self'"]);
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe(referrerPolicy);
  expect(headers["cross-origin-opener-policy"]).toBe("same-origin");
  const permissions = new Map((headers["permissions-policy"] ?? "").split(/,\s*/).map((entry) => entry.split("=") as [string, string]));
  for (const feature of ["camera", "microphone", "geolocation", "payment", "usb"]) expect(permissions.get(feature), feature).toBe("()");
  return csp;
}

test("every kind of response carries the policy, with a fresh nonce that Next puts on its scripts", async ({ request }) => {
  const signIn1 = await request.get("/sign-in");
  const csp = expectSecurityHeaders(signIn1);
  const nonce = directive(csp, "script-src").find((s) => s.startsWith("'nonce-"))!.slice(7, -1);
  const html = await signIn1.text();
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length).toBeGreaterThan(3);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  expect(expectSecurityHeaders(await request.get("/sign-in"))).not.toContain(nonce);

  expectSecurityHeaders(await request.get("/no-such-page"));
  expectSecurityHeaders(await request.get("/admin", { maxRedirects: 0 })); // redirect to sign-in
  expectSecurityHeaders(await request.get("/api/auth/get-session")); // route handler (better-auth)

  // Certificate pages and PDFs: no referrer (the URL is the code) and no indexing.
  for (const path of ["/verify/ABCD-EFGH-JKMN-PQRS", "/certificates/ABCD-EFGH-JKMN-PQRS/pdf"]) {
    const response = await request.get(path, { maxRedirects: 0 }); // the PDF redirects to sign-in
    expectSecurityHeaders(response, "no-referrer");
    expect(response.headers()["x-robots-tag"]).toBe("noindex, nofollow");
  }
  expect((await request.get("/sign-in")).headers()["x-robots-tag"]).toBeUndefined();
});

test("lesson pages are never stored by a shared cache, nor is the sign-in redirect that replaces them", async ({ page }) => {
  const lesson = "/modules/platform-basics/jd-overview";
  const signedOut = await page.request.get(lesson, { maxRedirects: 0 });
  expect(signedOut.status()).toBe(307);
  expect(signedOut.headers()["cache-control"]).toBe("private, no-store");
  expectSecurityHeaders(signedOut);

  await signUp(page);
  const response = (await page.goto(lesson))!;
  expect(response.status()).toBe(200);
  const cacheControl = response.headers()["cache-control"];
  expect(cacheControl.split(/,\s*/)).toContain("private");
  expect(cacheControl).not.toMatch(/public|s-maxage/);
});

test("client components, server actions and lazy chunks all run under the policy", async ({ page }) => {
  test.setTimeout(120_000);
  // Chromium reports a Permissions-Policy feature it does not know on every page: the list must be clean.
  const policyErrors: string[] = [];
  page.on("console", (message) => {
    if (/permissions.policy/i.test(message.text())) policyErrors.push(message.text());
  });
  await signUp(page); // client form posting to better-auth
  // A lesson: the completion button posts to a route handler (fetch, connect-src 'self').
  await page.goto("/modules/platform-basics/jd-overview");
  await pressCompleteLesson(page);
  // A calculator: its chunk is loaded on demand (allowed by 'strict-dynamic').
  await page.goto("/modules/supply-finance-risk/supply-chain-inventory");
  await page.getByLabel("日均销量（件/天）").fill("20");
  await expect(page.locator(".calculator [aria-live=polite]").first()).toContainText("140–300 件");
  // A module quiz: client form, graded by a server action; then client-side navigation.
  await page.goto("/modules/platform-basics/quiz");
  const questions = page.locator("fieldset.question");
  for (let i = 0; i < (await questions.count()); i++) await questions.nth(i).locator("input").first().check();
  await page.getByRole("button", { name: "提交测验" }).click();
  await expect(page.getByRole("heading", { name: /测验结果/ })).toBeVisible();
  await page.getByRole("link", { name: "返回模块" }).click();
  await expect(page.locator(".quiz-summary")).toContainText("最近一次");
  await signOut(page); // server action in a plain form

  // The assessment player: autosave (zustand + server action) and submission.
  await startAssessment(page);
  expectSecurityHeaders((await page.reload())!);
  await page.getByLabel("1. 定位与选品").fill("主打小户型收纳。");
  await expect(page.locator(".assessment-bar .save-status")).toHaveText("已保存");
  await submitAssessment(page);
  await signOut(page);

  // Staff pages: recharts on /analytics renders its SVG on the client too.
  await page.goto("/analytics");
  await signIn(page, "trainer@example.com", "trainer123");
  await expect(page.getByRole("heading", { name: "学习数据分析" })).toBeVisible();
  await expect(page.locator(".recharts-wrapper svg").first()).toBeVisible();
  expect(policyErrors).toEqual([]);
});
