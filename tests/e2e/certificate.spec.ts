import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { extractText, getDocumentProxy } from "unpdf";
import { gradeAndReleaseAsTrainer, gradeAttempt, startAssessment, submitAssessment } from "./assessment-helpers";
import { answerAllChoicesCorrectly } from "./db";
import { signIn, signOut } from "./helpers";

test("a learner reaches 90, downloads the certificate, and anyone can verify it until a regrade revokes it", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const { attemptId, email, password } = await startAssessment(page, "欧阳晓明");
  await answerAllChoicesCorrectly(attemptId);
  await page.reload();
  await submitAssessment(page);
  await signOut(page);

  await gradeAndReleaseAsTrainer(page, attemptId, 100);

  await page.goto(`/assessment/attempts/${attemptId}`);
  await signIn(page, email, password);
  await expect(page.locator(".attempt-status")).toContainText("通过并获证");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "下载证书（PDF）" }).click()]);
  const pdf = readFileSync((await download.path())!);
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  const verifyUrl = await page.locator('a[href*="/verify/"]').first().getAttribute("href");
  // The configured public URL (BETTER_AUTH_URL; unset here, so this machine's port), whatever host
  // a request claims: a forged X-Forwarded-Host does not reach the printed URL or its QR code.
  const publicUrl = `http://localhost:${Number(process.env.E2E_PORT ?? 3100)}/verify/`;
  expect(verifyUrl?.startsWith(publicUrl), `${verifyUrl}`).toBe(true);
  const pdfHref = await page.getByRole("link", { name: "下载证书（PDF）" }).getAttribute("href");
  const forged = await page.request.get(pdfHref!, { headers: { "x-forwarded-host": "evil.example", "x-forwarded-proto": "https", forwarded: "host=evil.example;proto=https" } });
  expect(forged.status()).toBe(200);
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(await forged.body())), { mergePages: true });
  expect(text.replace(/\s+/g, "")).toContain(verifyUrl!);
  expect(text).not.toContain("evil.example");
  await signOut(page);

  const stranger = await browser.newContext();
  const visitor = await stranger.newPage();
  await visitor.goto(verifyUrl!);
  await expect(visitor.getByText("✓ 证书有效")).toBeVisible();
  await expect(visitor.getByText("欧阳晓明")).toBeVisible();
  await visitor.goto(verifyUrl!.replace(/.$/, (c) => (c === "A" ? "B" : "A")));
  await expect(visitor.getByRole("heading", { name: "未找到该证书" })).toBeVisible();

  // A regrade to 85 (30 + 30 + 0.4 × 62.5) revokes the certificate.
  await page.goto(`/grading/${attemptId}`);
  await signIn(page, "trainer@example.com", "trainer123");
  await expect(page.getByRole("heading", { name: /批阅：/ })).toBeVisible();
  await gradeAttempt(page, attemptId, 62.5);
  await visitor.goto(verifyUrl!);
  await expect(visitor.getByText(/该证书已于 .+ 撤销，不再有效/)).toBeVisible();
  await stranger.close();
});
