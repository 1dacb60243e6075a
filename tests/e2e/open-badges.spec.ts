import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { gradeAndReleaseAsTrainer, startAssessment, submitAssessment } from "./assessment-helpers";
import { expectAccessible } from "./axe";
import { answerAllChoicesCorrectly } from "./db";
import { signIn, signOut } from "./helpers";

/** An anonymous visitor uploads the credential file on /verify and reads the verdict. */
async function uploadCredential(visitor: Page, file: string) {
  await visitor.goto("/verify");
  await expect(visitor.getByRole("heading", { name: "核验电子徽章" })).toBeVisible();
  await visitor.getByLabel("电子徽章文件（.jwt，最大 16 KB）").setInputFiles(file);
  await visitor.getByRole("button", { name: "核验" }).click();
  return visitor.locator("form [role=status]");
}

test("a certified learner downloads the Open Badges credential; a visitor verifies it, and sees it revoked after an admin revokes the certificate", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const { attemptId, email, password } = await startAssessment(page, "司马徽章");
  await answerAllChoicesCorrectly(attemptId);
  await page.reload();
  await submitAssessment(page);
  await signOut(page);
  await gradeAndReleaseAsTrainer(page, attemptId, 100);

  await page.goto(`/assessment/attempts/${attemptId}`);
  await signIn(page, email, password);
  await expect(page.locator(".attempt-status")).toContainText("通过并获证");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "下载电子徽章（Open Badges 3.0）" }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.jwt$/);
  const file = (await download.path())!;
  const token = readFileSync(file, "utf8");
  expect(token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
  const { vc } = JSON.parse(Buffer.from(token.split(".")[1], "base64url").toString("utf8"));
  expect(vc.type).toEqual(["VerifiableCredential", "OpenBadgeCredential"]);
  await signOut(page);

  const stranger = await browser.newContext();
  const visitor = await stranger.newPage();
  // The issuer profile and the keys are public.
  expect(await (await visitor.request.get("/badges/issuer")).json()).toMatchObject({ type: ["Profile"], name: "京东运营线上培训" });
  expect((await (await visitor.request.get("/badges/jwks.json")).json()).keys.length).toBeGreaterThan(0);

  const verdict = await uploadCredential(visitor, file);
  await expect(verdict).toContainText("✓ 有效");
  await expect(visitor.getByText("持证人：司马徽章")).toBeVisible();
  await expectAccessible(visitor);
  // Pasted text that is not a credential: a zh-CN message, not an error page.
  await visitor.getByLabel("或粘贴凭证内容").fill("这不是徽章");
  await visitor.getByRole("button", { name: "核验" }).click();
  await expect(visitor.locator("form [role=status]")).toContainText("无法识别");

  // An admin revokes the certificate.
  await page.goto("/admin/certificates");
  await signIn(page, "admin@example.com", "admin12345");
  const row = page.getByRole("row").filter({ hasText: "司马徽章" });
  await row.getByLabel("撤销原因").fill("核实发现代考");
  await row.getByRole("button", { name: "撤销" }).click();
  await expect(row).toContainText("已撤销（");

  const after = await uploadCredential(visitor, file);
  await expect(after).toContainText("✗ 已撤销");
  await expectAccessible(visitor);
  await stranger.close();
});
