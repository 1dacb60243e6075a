import { expect, test, type Page } from "@playwright/test";
import { expectAccessible } from "./axe";
import { withDb } from "./db";
import { signIn } from "./helpers";
import { startIdentityProvider } from "./identity-provider";

// Issue 17: company sign-in through a real OpenID Connect provider started here on the loopback.
// An admin configures it on /admin/settings; a new employee signs in on a phone and lands on the
// course home as a learner in their department; the second sign-in reuses the account; a
// tampered state and a replayed code end on the zh-CN error page.

const EMPLOYEE = { login: "emp-1001", email: "xinyuangong@demo-corp.example.com", name: "新员工", department: "演示公司/华北大区/北京一组" };
const CLIENT = { clientId: "course-player", clientSecret: "e2e-client-secret-value" };
const BUTTON = "演示公司账号登录";

let idp: Awaited<ReturnType<typeof startIdentityProvider>>;

test.beforeAll(async ({}, info) => {
  const baseURL = String(info.project.use.baseURL);
  idp = await startIdentityProvider({ ...CLIENT, redirectUri: `${baseURL}/api/auth/callback/sso`, employees: [EMPLOYEE] });
});

// Later specs sign in with passwords: leave the suite's database without company sign-in.
test.afterAll(async () => {
  await withDb((db) => db.setting.deleteMany({ where: { key: "sso" } }));
  await idp?.close();
});

/** Through the identity provider's own pages (login and consent when it asks), back to the app. */
async function passIdentityProvider(page: Page) {
  await expect(async () => {
    const url = new URL(page.url());
    if (url.origin === idp.issuer) {
      const login = page.locator('input[name="login"]');
      if (await login.isVisible()) {
        await login.fill(EMPLOYEE.login);
        await page.locator('input[name="password"]').fill("any-password");
        await page.getByRole("button", { name: "Sign-in" }).click();
      } else if (await page.getByRole("button", { name: "Continue" }).isVisible()) {
        await page.getByRole("button", { name: "Continue" }).click();
      }
    }
    // Done once the browser has left both the sign-in page and the identity provider.
    const now = new URL(page.url());
    expect(now.origin === idp.issuer || now.pathname.startsWith("/sign-in")).toBe(false);
  }).toPass({ timeout: 30_000, intervals: [500, 1_000] });
}

test("an admin configures company sign-in; a new employee signs in on a phone, twice, as one learner in their department", async ({ browser, baseURL }) => {
  // A real provider, two browsers and four sign-ins on two busy cores.
  test.setTimeout(300_000);
  // The admin, at a desk.
  const desk = await browser.newContext({ baseURL, viewport: { width: 1280, height: 800 }, locale: "zh-CN" });
  const admin = await desk.newPage();
  await admin.goto("/admin/settings");
  await signIn(admin, "admin@example.com", "admin12345");
  await expect(admin.getByRole("heading", { name: "企业登录（单点登录）" })).toBeVisible();
  await admin.getByLabel("登录方式").selectOption("oidc");
  await admin.getByLabel("签发者（Issuer）地址").fill(idp.issuer);
  await admin.getByLabel("Client ID").fill(CLIENT.clientId);
  await admin.getByLabel(/^Client Secret/).fill(CLIENT.clientSecret);
  await admin.getByLabel(/^Scopes/).fill("openid profile email department");
  await admin.getByLabel("部门声明名称（可留空）").fill("department");
  await admin.getByLabel("登录按钮文字").fill(BUTTON);
  await admin.getByRole("button", { name: "保存企业登录设置" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "已保存企业登录设置" })).toBeVisible();
  await admin.reload();
  await expect(admin.getByLabel("Client Secret（已设置，留空则不修改）")).toHaveValue("");
  expect(await admin.content()).not.toContain(CLIENT.clientSecret);
  await expectAccessible(admin);
  await desk.close();

  // The employee, on a 375 px phone, has never been here.
  const phone = await browser.newContext({ baseURL, viewport: { width: 375, height: 740 }, locale: "zh-CN", isMobile: true, hasTouch: true });
  const page = await phone.newPage();
  const callbacks: string[] = [];
  page.on("request", (request) => {
    if (request.url().includes("/api/auth/callback/sso")) callbacks.push(request.url());
  });
  await page.goto("/sign-in");
  const button = page.getByRole("button", { name: BUTTON, exact: true });
  await expect(button).toBeVisible();
  await expectAccessible(page);
  await button.tap();
  await passIdentityProvider(page);
  await expect(page).toHaveURL(`${baseURL}/`);
  await expect(page.getByRole("heading", { name: "京东运营线上培训", level: 1 })).toBeVisible();
  const first = await withDb((db) =>
    db.user.findUniqueOrThrow({ where: { email: EMPLOYEE.email }, select: { id: true, role: true, name: true, department: { select: { name: true } }, accounts: { select: { providerId: true } } } }),
  );
  expect(first).toMatchObject({ role: "learner", name: "新员工", department: { name: "北京一组" }, accounts: [{ providerId: "sso" }] });

  // Signed out, the second company sign-in is the same account.
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.getByRole("button", { name: BUTTON, exact: true }).tap();
  await passIdentityProvider(page);
  await expect(page).toHaveURL(`${baseURL}/`);
  expect(await withDb((db) => db.user.count({ where: { email: EMPLOYEE.email } }))).toBe(1);
  expect(await withDb((db) => db.account.count({ where: { userId: first.id } }))).toBe(1);

  // A callback that no sign-in of this browser started (a forged or replayed state): refused on
  // a zh-CN page. Replayed codes and tampered states from real sign-ins are refused at the
  // handler level against the same provider (tests/integration/sso-oidc.test.ts).
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto(`/api/auth/callback/sso?code=${encodeURIComponent(new URL(callbacks[0]).searchParams.get("code")!)}&state=forged-state`);
  await expect(page.getByRole("heading", { name: "企业登录未完成", level: 1 })).toBeVisible();
  await expectAccessible(page);
  expect(await withDb((db) => db.user.count({ where: { email: EMPLOYEE.email } }))).toBe(1);
  await phone.close();
});
