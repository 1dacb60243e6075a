import type { GenericOAuthConfig } from "better-auth/plugins/generic-oauth";
import { SSO_PROVIDER_ID, type SsoSettings } from "@/lib/sso/schema";

// How each kind of company sign-in maps onto better-auth's generic OAuth plugin. OIDC is
// standard (discovery, ID token checked against the issuer's keys, nonce, PKCE). 企业微信, 钉钉 and
// 飞书 speak their own OAuth 2.0 dialects, so their presets bring getToken / getUserInfo with the
// endpoint paths and field names of their public documentation (README, "企业登录"). A preset's
// profile says `emailVerified` only for the company mailbox the directory assigns (企业微信
// biz_mail, 钉钉 org_email, 飞书 enterprise_email); a personal address is not trusted for linking.

/** Where each provider answers; tests point these at a local fake. */
export type PresetEndpoints = { authorize: string; api: string; legacyApi?: string };

export const PRESET_ENDPOINTS = {
  wecom: { authorize: "https://open.weixin.qq.com", api: "https://qyapi.weixin.qq.com" },
  dingtalk: { authorize: "https://login.dingtalk.com", api: "https://api.dingtalk.com", legacyApi: "https://oapi.dingtalk.com" },
  feishu: { authorize: "https://accounts.feishu.cn", api: "https://open.feishu.cn" },
} satisfies Record<Exclude<SsoSettings["kind"], "oidc">, PresetEndpoints>;

const TIMEOUT_MS = 10_000;

/** A provider's JSON answer; a transport error, a non-2xx or an error code in the body throws. */
async function call(url: string, init: RequestInit & { okWhen: (body: Record<string, unknown>) => boolean }): Promise<Record<string, unknown>> {
  const { okWhen, ...request } = init;
  const response = await fetch(url, { ...request, signal: AbortSignal.timeout(TIMEOUT_MS) });
  const body = (await response.json().catch(() => null)) as Record<string, unknown> | null;
  if (!response.ok || !body || !okWhen(body)) {
    const code = body ? String(body.errcode ?? body.code ?? "") : "";
    throw new Error(`${new URL(url).pathname} answered ${response.status}${code ? ` (code ${code})` : ""}`);
  }
  return body;
}
const jsonPost = (body: unknown): RequestInit => ({ method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
const text = (value: unknown): string | undefined => (typeof value === "string" && value.trim() ? value.trim() : undefined);
const errcodeZero = (body: Record<string, unknown>) => body.errcode === 0 || body.errcode === undefined;

/** The company mailbox when there is one (verified), else the personal address (not verified). */
function mailbox(company: unknown, personal: unknown): { email: string | undefined; emailVerified: boolean } {
  const work = text(company);
  return work ? { email: work.toLowerCase(), emailVerified: true } : { email: text(personal)?.toLowerCase(), emailVerified: false };
}

/**
 * 企业微信 网页授权登录 (免登 inside the 企业微信 app): authorize with scope snsapi_privateinfo; the
 * code is exchanged with the app's own access token (gettoken), then auth/getuserinfo gives the
 * userid and a user_ticket, auth/getuserdetail the mailbox, user/get the name.
 */
function wecom(settings: SsoSettings, at: PresetEndpoints): Partial<GenericOAuthConfig> {
  const api = (path: string, token: string, params: Record<string, string> = {}) =>
    `${at.api}${path}?${new URLSearchParams({ access_token: token, ...params })}`;
  return {
    authorizationUrl: `${at.authorize}/connect/oauth2/authorize`,
    authorizationUrlParams: { appid: settings.clientId, agentid: settings.agentId },
    scopes: ["snsapi_privateinfo"],
    pkce: false,
    async getToken({ code }) {
      const corp = await call(`${at.api}/cgi-bin/gettoken?${new URLSearchParams({ corpid: settings.clientId, corpsecret: settings.clientSecret })}`, { okWhen: (b) => b.errcode === 0 });
      const accessToken = String(corp.access_token);
      const who = await call(api("/cgi-bin/auth/getuserinfo", accessToken, { code }), { okWhen: (b) => b.errcode === 0 && typeof b.userid === "string" });
      return { accessToken, raw: { userid: who.userid, user_ticket: who.user_ticket } };
    },
    async getUserInfo(tokens) {
      const userid = String(tokens.raw?.userid ?? "");
      const ticket = text(tokens.raw?.user_ticket);
      if (!tokens.accessToken || !userid) return null;
      const detail = ticket ? await call(api("/cgi-bin/auth/getuserdetail", tokens.accessToken), { ...jsonPost({ user_ticket: ticket }), okWhen: errcodeZero }) : {};
      const member = await call(api("/cgi-bin/user/get", tokens.accessToken, { userid }), { okWhen: errcodeZero });
      return { id: userid, name: text(member.name) ?? userid, image: text(detail.avatar), ...mailbox(detail.biz_mail, detail.email) };
    },
  };
}

/**
 * 钉钉 统一登录 (scope "openid corpid"): code → user token (/v1.0/oauth2/userAccessToken) →
 * /v1.0/contact/users/me; then, with the app's own token, the member in the company
 * (topapi/user/getbyunionid, topapi/v2/user/get) for the name and org_email. Someone who is not a
 * member of the app's company gets no account.
 */
function dingtalk(settings: SsoSettings, at: PresetEndpoints): Partial<GenericOAuthConfig> {
  const legacy = at.legacyApi ?? at.api;
  return {
    authorizationUrl: `${at.authorize}/oauth2/auth`,
    authorizationUrlParams: { prompt: "consent" },
    scopes: ["openid", "corpid"],
    pkce: false,
    async getToken({ code }) {
      const token = await call(`${at.api}/v1.0/oauth2/userAccessToken`, {
        ...jsonPost({ clientId: settings.clientId, clientSecret: settings.clientSecret, code, grantType: "authorization_code" }),
        okWhen: (b) => typeof b.accessToken === "string",
      });
      return { accessToken: String(token.accessToken), refreshToken: text(token.refreshToken), raw: { corpId: token.corpId } };
    },
    async getUserInfo(tokens) {
      if (!tokens.accessToken) return null;
      const me = await call(`${at.api}/v1.0/contact/users/me`, { headers: { "x-acs-dingtalk-access-token": tokens.accessToken }, okWhen: (b) => typeof b.unionId === "string" });
      const app = await call(`${at.api}/v1.0/oauth2/accessToken`, { ...jsonPost({ appKey: settings.clientId, appSecret: settings.clientSecret }), okWhen: (b) => typeof b.accessToken === "string" });
      const appToken = new URLSearchParams({ access_token: String(app.accessToken) });
      const byUnion = await call(`${legacy}/topapi/user/getbyunionid?${appToken}`, { ...jsonPost({ unionid: me.unionId }), okWhen: (b) => b.errcode === 0 });
      const userid = (byUnion.result as { userid?: unknown } | undefined)?.userid;
      const member = await call(`${legacy}/topapi/v2/user/get?${appToken}`, { ...jsonPost({ userid, language: "zh_CN" }), okWhen: (b) => b.errcode === 0 });
      const result = (member.result ?? {}) as Record<string, unknown>;
      return { id: String(me.unionId), name: text(result.name) ?? text(me.nick), image: text(me.avatarUrl), ...mailbox(result.org_email, result.email ?? me.email) };
    },
  };
}

/**
 * 飞书 网页应用登录: accounts.feishu.cn/open-apis/authen/v1/authorize, code → user_access_token at
 * /open-apis/authen/v2/oauth/token (PKCE supported), then /open-apis/authen/v1/user_info.
 */
function feishu(settings: SsoSettings, at: PresetEndpoints): Partial<GenericOAuthConfig> {
  return {
    authorizationUrl: `${at.authorize}/open-apis/authen/v1/authorize`,
    pkce: true,
    async getToken({ code, codeVerifier, redirectURI }) {
      const token = await call(`${at.api}/open-apis/authen/v2/oauth/token`, {
        ...jsonPost({ grant_type: "authorization_code", client_id: settings.clientId, client_secret: settings.clientSecret, code, redirect_uri: redirectURI, ...(codeVerifier ? { code_verifier: codeVerifier } : {}) }),
        okWhen: (b) => b.code === 0 && typeof b.access_token === "string",
      });
      return { accessToken: String(token.access_token), refreshToken: text(token.refresh_token), tokenType: "Bearer" };
    },
    async getUserInfo(tokens) {
      if (!tokens.accessToken) return null;
      const body = await call(`${at.api}/open-apis/authen/v1/user_info`, { headers: { Authorization: `Bearer ${tokens.accessToken}` }, okWhen: (b) => b.code === 0 });
      const data = (body.data ?? {}) as Record<string, unknown>;
      if (!text(data.open_id)) return null;
      return { id: String(data.open_id), name: text(data.name), image: text(data.avatar_url), ...mailbox(data.enterprise_email, data.email) };
    },
  };
}

/** 企业微信's authorize URL must end in #wechat_redirect (its docs), which better-auth does not add. */
export const authorizationHash = (kind: SsoSettings["kind"]): string | null => (kind === "wecom" ? "wechat_redirect" : null);

/** The OIDC discovery document's URL for an issuer or a discovery URL typed in the settings. */
export function discoveryUrl(issuer: string): string {
  return issuer.includes("/.well-known/") ? issuer : `${issuer.replace(/\/+$/, "")}/.well-known/openid-configuration`;
}

/** better-auth's generic OAuth config for the saved settings. */
export function providerConfig(settings: SsoSettings, endpoints?: PresetEndpoints): GenericOAuthConfig {
  const base: GenericOAuthConfig = {
    providerId: SSO_PROVIDER_ID,
    name: settings.buttonLabel,
    clientId: settings.clientId,
    clientSecret: settings.clientSecret || undefined,
    // A name the provider leaves out becomes the mailbox's local part (names are required here).
    mapProfileToUser: (profile) => ({ name: text(profile.name) ?? text(profile.preferred_username) ?? String(profile.email ?? "").split("@")[0] }),
  };
  switch (settings.kind) {
    case "oidc":
      return {
        ...base,
        discoveryUrl: discoveryUrl(settings.issuer),
        requireIdTokenVerification: true,
        scopes: settings.scopes ? settings.scopes.split(/\s+/).filter(Boolean) : ["openid", "profile", "email"],
      };
    case "wecom":
      return { ...base, ...wecom(settings, endpoints ?? PRESET_ENDPOINTS.wecom) };
    case "dingtalk":
      return { ...base, ...dingtalk(settings, endpoints ?? PRESET_ENDPOINTS.dingtalk) };
    case "feishu":
      return { ...base, ...feishu(settings, endpoints ?? PRESET_ENDPOINTS.feishu) };
  }
}
