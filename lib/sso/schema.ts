import { formInput } from "@/lib/security/input";
import { z } from "@/lib/zod";

// Company sign-in (single sign-on) settings, kept in the Setting table under SSO_SETTING_KEY and
// read back through the same schema: a row that no longer parses counts as "not configured".

export const SSO_SETTING_KEY = "sso";
/** The one provider id better-auth knows company sign-in by: /api/auth/callback/sso. */
export const SSO_PROVIDER_ID = "sso";

export const SSO_KINDS = ["oidc", "wecom", "dingtalk", "feishu"] as const;
export type SsoKind = (typeof SSO_KINDS)[number];
export const SSO_KIND_LABELS: Record<SsoKind, string> = {
  oidc: "OpenID Connect（通用）",
  wecom: "企业微信",
  dingtalk: "钉钉",
  feishu: "飞书",
};
/** What the client id and secret are called in each provider's console. */
export const SSO_CLIENT_LABELS: Record<SsoKind, { id: string; secret: string }> = {
  oidc: { id: "Client ID", secret: "Client Secret" },
  wecom: { id: "企业 ID（CorpID）", secret: "应用 Secret" },
  dingtalk: { id: "Client ID（原 AppKey）", secret: "Client Secret（原 AppSecret）" },
  feishu: { id: "App ID", secret: "App Secret" },
};

const httpUrl = z
  .string()
  .trim()
  .max(500, "地址过长。")
  .pipe(z.url({ protocol: /^https?$/, error: "请填写以 https:// 开头的完整地址，例如 https://login.example.com。" }));
const clientId = z.string().trim().min(1, "请填写 Client ID。").max(200, "Client ID 过长。").regex(/^[\x21-\x7e]+$/, "Client ID 只能包含英文字母、数字和符号，不能有空格。");
const secret = z.string().max(500, "Secret 过长。");
const claimName = z.string().trim().max(100, "声明名称过长。").regex(/^[A-Za-z0-9_.:\-/]*$/, "声明名称只能包含英文字母、数字和 _ . : - /。");
const scopes = z.string().trim().max(300, "scopes 过长。").regex(/^[\x21-\x7e ]*$/, "scopes 用空格分隔，只能包含英文字母、数字和符号。");
const buttonLabel = z.string().trim().min(1, "请填写登录按钮文字。").max(20, "登录按钮文字最多 20 个字。");
const agentId = z.string().trim().max(30, "AgentID 过长。").regex(/^\d*$/, "AgentID 只能是数字。");

export const ssoSettingsSchema = z.object({
  enabled: z.boolean(),
  kind: z.enum(SSO_KINDS),
  /** OIDC only: the issuer or its discovery document's URL. */
  issuer: z.union([z.literal(""), httpUrl]),
  clientId,
  clientSecret: secret,
  /** 企业微信 only: the self-built app's AgentID. */
  agentId,
  scopes,
  buttonLabel,
  departmentClaim: claimName,
  roleClaim: claimName,
  /** Learners may sign in only through SSO (password sign-in and sign-up refused for them). */
  ssoOnly: z.boolean(),
});
export type SsoSettings = z.infer<typeof ssoSettingsSchema>;

/** What the settings page receives: everything but the secret, and whether one is saved. */
export type SsoSettingsView = Omit<SsoSettings, "clientSecret"> & { hasSecret: boolean };

/** What the sign-in page needs: the button, or nothing when SSO is off. */
export type SsoButton = { label: string } | null;

const checkbox = z.literal("on").optional().transform(Boolean);

/** The form on /admin/settings; an empty secret keeps the saved one (the browser never sees it). */
export const ssoFormSchema = formInput(
  z
    .object({
      enabled: checkbox,
      kind: z.enum(SSO_KINDS, { error: "请选择登录方式。" }),
      issuer: z.union([z.literal(""), httpUrl]).default(""),
      clientId,
      clientSecret: secret.default(""),
      agentId: agentId.default(""),
      scopes: scopes.default(""),
      buttonLabel,
      departmentClaim: claimName.default(""),
      roleClaim: claimName.default(""),
      ssoOnly: checkbox,
    })
    .superRefine((form, ctx) => {
      if (form.kind === "oidc" && !form.issuer) ctx.addIssue({ code: "custom", path: ["issuer"], message: "OpenID Connect 需要填写签发者（Issuer）地址。" });
      if (form.kind === "wecom" && !form.agentId) ctx.addIssue({ code: "custom", path: ["agentId"], message: "企业微信需要填写应用的 AgentID。" });
    }),
);
export type SsoForm = z.infer<typeof ssoFormSchema>;

export type SsoFormState = { ok: boolean; message: string } | null;

/** A role claim may only make someone a learner or a department head (decision 035). */
export function roleFromClaim(value: unknown): "learner" | "dept_head" | null {
  const values = Array.isArray(value) ? value : [value];
  const names = values.filter((v): v is string => typeof v === "string").map((v) => v.trim().toLowerCase());
  if (names.some((v) => v === "dept_head" || v === "部门负责人")) return "dept_head";
  if (names.some((v) => v === "learner" || v === "学员")) return "learner";
  return null;
}

/** A department claim: "演示公司/华北大区/北京一组" or ["演示公司", "华北大区", "北京一组"]. */
export function departmentNamesFromClaim(value: unknown): string[] | null {
  const parts = Array.isArray(value) ? value : typeof value === "string" ? value.split(/[/／>\\]/) : [];
  const names = parts.filter((p): p is string => typeof p === "string").map((p) => p.normalize("NFKC").trim()).filter(Boolean);
  return names.length > 0 && names.length <= 20 ? names : null;
}
