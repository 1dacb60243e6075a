import { describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { NOT_A_FORM } from "@/lib/security/input";
import { applySsoClaims, ssoButton, ssoSettings, ssoSettingsView } from "@/lib/sso/queries";
import { ssoErrorMessage } from "@/lib/sso/errors";

// The company sign-in settings action as the browser (and an attacker) would call it, and what
// the identity provider's department and role claims may change.
const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user, getVerifiedUser: async () => session.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
const { saveSsoAction } = await import("@/lib/sso/actions");

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
};
const as = (id: string, role: CurrentUser["role"]) => {
  session.user = { id, name: role, email: `${id}@example.com`, role };
};
const oidc = { enabled: "on", kind: "oidc", issuer: "https://login.example.com", clientId: "course-app", clientSecret: "s3cret-value", buttonLabel: "演示公司账号登录", departmentClaim: "department", roleClaim: "" };

describe("saveSsoAction", () => {
  it("lets only an admin save, refuses what is not a form, and checks every field in zh-CN", async () => {
    as("trainer-1", "trainer");
    expect(await saveSsoAction(null, form(oidc))).toEqual({ ok: false, message: "只有管理员可以修改系统设置。" });
    expect(await ssoSettings()).toBeNull();
    as("admin-1", "admin");
    for (const wrong of ["kind=oidc", { kind: "oidc" }, undefined]) expect(await saveSsoAction(null, wrong as never)).toEqual({ ok: false, message: NOT_A_FORM });
    expect(await saveSsoAction(null, form({ ...oidc, issuer: "" }))).toEqual({ ok: false, message: "OpenID Connect 需要填写签发者（Issuer）地址。" });
    expect(await saveSsoAction(null, form({ ...oidc, issuer: "javascript:alert(1)" }))).toMatchObject({ ok: false, message: expect.stringContaining("https://") });
    expect(await saveSsoAction(null, form({ ...oidc, kind: "saml" }))).toEqual({ ok: false, message: "请选择登录方式。" });
    expect(await saveSsoAction(null, form({ ...oidc, kind: "wecom", agentId: "" }))).toEqual({ ok: false, message: "企业微信需要填写应用的 AgentID。" });
    expect(await saveSsoAction(null, form({ ...oidc, buttonLabel: "长".repeat(21) }))).toEqual({ ok: false, message: "登录按钮文字最多 20 个字。" });
    expect(await saveSsoAction(null, form({ ...oidc, departmentClaim: "a b" }))).toMatchObject({ ok: false });
    expect(await ssoSettings()).toBeNull();
  });

  it("keeps the secret on the server: the page gets 已设置 only, and an empty secret keeps it", async () => {
    as("admin-1", "admin");
    const saved = await saveSsoAction(null, form(oidc));
    expect(saved).toMatchObject({ ok: true });
    expect(JSON.stringify(saved)).not.toContain("s3cret-value");
    const view = await ssoSettingsView();
    expect(view).toMatchObject({ hasSecret: true, clientId: "course-app", ssoOnly: false });
    expect(JSON.stringify(view)).not.toContain("s3cret-value");
    expect(await ssoButton()).toEqual({ label: "演示公司账号登录" });

    await saveSsoAction(null, form({ ...oidc, clientSecret: "", ssoOnly: "on" }));
    expect(await ssoSettings()).toMatchObject({ clientSecret: "s3cret-value", ssoOnly: true });

    const { enabled: _unchecked, ...switchedOff } = oidc; // an unticked checkbox is not sent
    expect(await saveSsoAction(null, form(switchedOff))).toMatchObject({ ok: true });
    expect(await ssoButton()).toBeNull();
  });
});

describe("claims from the identity provider", () => {
  it("puts a person in a known department, leaves an unknown one alone, and never makes staff by a claim", async () => {
    const root = await db.department.create({ data: { id: "d-root", name: "演示公司", parentId: null, path: "d-root/", depth: 0 } });
    await db.department.create({ data: { id: "d-north", name: "华北大区", parentId: root.id, path: "d-root/d-north/", depth: 1 } });
    const learner = await db.user.create({ data: { id: "u-l", name: "学员", email: "l@example.com", role: "learner" } });
    const trainer = await db.user.create({ data: { id: "u-t", name: "讲师", email: "t@example.com", role: "trainer" } });

    await applySsoClaims(learner.id, { departmentNames: ["演示公司", "华北大区"], role: "dept_head" });
    expect(await db.user.findUnique({ where: { id: learner.id } })).toMatchObject({ departmentId: "d-north", role: "dept_head" });
    await applySsoClaims(learner.id, { departmentNames: ["演示公司", "不存在的组"], role: null });
    expect(await db.user.findUnique({ where: { id: learner.id } })).toMatchObject({ departmentId: "d-north" });
    expect(await db.department.count()).toBe(2);

    await applySsoClaims(trainer.id, { departmentNames: null, role: "learner" });
    expect(await db.user.findUnique({ where: { id: trainer.id } })).toMatchObject({ role: "trainer" });
  });
});

describe("the error page's message", () => {
  it("names each failure in zh-CN and falls back for anything else", () => {
    expect(ssoErrorMessage("state_mismatch")).toContain("不匹配");
    expect(ssoErrorMessage("invalid_code")).toContain("已过期或已被使用");
    expect(ssoErrorMessage("EMAIL_NOT_VERIFIED")).toContain("尚未验证");
    expect(ssoErrorMessage("ACCOUNT_DEACTIVATED")).toBe("账号已停用，请联系管理员。");
    expect(ssoErrorMessage(["<script>", "x"])).toContain("企业登录没有完成");
    expect(ssoErrorMessage(undefined)).toContain("企业登录没有完成");
  });
});
