import { expect, type Page } from "@playwright/test";
import { completeAllLessons } from "./db";
import { signIn, signOut, signUp } from "./helpers";

/** A new learner who has finished every lesson opens a fresh assessment attempt. */
export async function startAssessment(page: Page, name?: string) {
  const { email, password } = await signUp(page, name);
  await page.goto("/assessment");
  await expect(page.getByText("完成全部课程后才能参加结业考核")).toBeVisible();
  await completeAllLessons(email);
  await page.reload();
  await confirmStart(page, "开始考核");
  await expect(page).toHaveURL(/\/assessment\/attempts\/[a-z0-9]+$/);
  await expect(page.getByRole("heading", { name: /第一部分 理论知识测试（30 题）/ })).toBeVisible();
  return { attemptId: page.url().split("/").pop()!, email, password };
}

/** Presses the 结业考核 page's start button (开始考核, 再考一次…) and confirms in its dialog (which `says` this). */
export async function confirmStart(page: Page, label: string, says?: string) {
  await page.getByRole("button", { name: label, exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "确认开始结业考核？" });
  await expect(dialog).toBeVisible();
  if (says) await expect(dialog).toContainText(says);
  await dialog.getByRole("button", { name: "确认开始" }).click();
}

/** Submits the open attempt from the player (confirming in its dialog) and waits for 待批阅. */
export async function submitAssessment(page: Page) {
  await page.locator(".quiz-submit").getByRole("button", { name: "提交答卷" }).click();
  await page.getByRole("dialog", { name: "确认提交答卷？" }).getByRole("button", { name: "确认提交" }).click();
  await expect(page.locator(".attempt-status")).toContainText("待批阅");
}

/** Fills the rubric so that parts 2 and 3 get `part3Target` (part 2 full marks), then finalises. */
export async function gradeAttempt(page: Page, attemptId: string, part3Target: number) {
  await page.goto(`/grading/${attemptId}`);
  // The score inputs are plain form fields: set them all at once, then submit the form as a grader would.
  await page.locator('input[type="number"][name^="points:"]').evaluateAll((inputs, target) => {
    let left = target;
    for (const input of inputs as HTMLInputElement[]) {
      const max = Number(input.max);
      const value = input.name.startsWith("points:p3:") ? Math.min(max, left) : max;
      if (input.name.startsWith("points:p3:")) left -= value;
      input.value = String(value);
    }
  }, part3Target);
  await page.getByRole("button", { name: "完成批阅" }).click();
  await expect(page.getByText(/已完成批阅/)).toBeVisible();
}

/** On a graded attempt's grading page: 发布成绩, confirm in the dialog, wait for 已发布. */
export async function releaseGrade(page: Page) {
  await page.getByRole("button", { name: "发布成绩" }).click();
  const dialog = page.getByRole("dialog", { name: "发布这份成绩？" });
  await dialog.getByRole("button", { name: "确认发布" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: /^已发布 .+ 的成绩/ })).toBeVisible();
  await expect(page.getByText(/状态：已发布/)).toBeVisible();
}

/** The demo trainer signs in, grades the attempt (part 3 at `part3Target`), releases it and signs out. */
export async function gradeAndReleaseAsTrainer(page: Page, attemptId: string, part3Target: number) {
  await page.goto("/grading");
  await signIn(page, "trainer@example.com", "trainer123");
  await expect(page.getByRole("heading", { name: "批阅结业考核" })).toBeVisible();
  await gradeAttempt(page, attemptId, part3Target);
  await releaseGrade(page);
  await signOut(page);
}
