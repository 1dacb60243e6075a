// 企业微信, 钉钉 and 飞书 company sign-in through better-auth's handler, against a local fake of
// each provider's endpoints (the paths and fields of their public docs, lib/sso/presets.ts).
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auth } from "@/lib/auth/auth";
import { db } from "@/lib/db";
import { PRESET_ENDPOINTS } from "@/lib/sso/presets";
import { saveSsoSettings } from "@/lib/sso/queries";
import type { SsoForm } from "@/lib/sso/schema";
import { cookieHeader, ORIGIN } from "./support/browser-session";

type Person = { id: string; name: string; companyMail?: string; personalMail?: string };
const people = new Map<string, Person>(); // authorization code → person
const calls: string[] = [];

async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  let raw = "";
  for await (const chunk of req) raw += chunk;
  return raw ? JSON.parse(raw) : {};
}

/** One fake for all three: each path answers as its provider documents it. */
async function fakeProviders(): Promise<Server> {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://fake");
    const body = req.method === "POST" ? await readBody(req) : {};
    calls.push(`${req.method} ${url.pathname}`);
    const send = (json: unknown, status = 200) => res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(json));
    const token = (s: string) => s.replace(/^Bearer /, "").replace(/^user-/, "");
    switch (url.pathname) {
      // 企业微信
      case "/cgi-bin/gettoken":
        return url.searchParams.get("corpid") === "ww-corp" && url.searchParams.get("corpsecret") === "wecom-secret"
          ? send({ errcode: 0, errmsg: "ok", access_token: "corp-token", expires_in: 7200 })
          : send({ errcode: 40001, errmsg: "invalid credential" });
      case "/cgi-bin/auth/getuserinfo": {
        const person = people.get(url.searchParams.get("code") ?? "");
        if (url.searchParams.get("access_token") !== "corp-token" || !person) return send({ errcode: 40029, errmsg: "invalid code" });
        people.delete(url.searchParams.get("code")!);
        return send({ errcode: 0, errmsg: "ok", userid: person.id, user_ticket: `ticket-${person.id}` });
      }
      case "/cgi-bin/auth/getuserdetail": {
        const person = [...wecomPeople.values()].find((p) => `ticket-${p.id}` === body.user_ticket);
        return person ? send({ errcode: 0, errmsg: "ok", userid: person.id, biz_mail: person.companyMail ?? "", email: person.personalMail ?? "", avatar: "" }) : send({ errcode: 40014 });
      }
      case "/cgi-bin/user/get": {
        const person = wecomPeople.get(url.searchParams.get("userid") ?? "");
        return person ? send({ errcode: 0, errmsg: "ok", userid: person.id, name: person.name, department: [2] }) : send({ errcode: 60111 });
      }
      // 钉钉
      case "/v1.0/oauth2/userAccessToken": {
        const person = body.clientId === "ding-app" && body.clientSecret === "ding-secret" && body.grantType === "authorization_code" ? people.get(String(body.code)) : undefined;
        if (!person) return send({ code: "InvalidAuthentication", message: "code invalid" }, 400);
        people.delete(String(body.code));
        return send({ accessToken: `user-${person.id}`, refreshToken: "r", expireIn: 7200, corpId: "ding-corp" });
      }
      case "/v1.0/contact/users/me": {
        const id = token(String(req.headers["x-acs-dingtalk-access-token"] ?? ""));
        const person = dingPeople.get(id) ?? dingOutsiders.get(id);
        return person ? send({ nick: person.name, unionId: `union-${person.id}`, openId: "o", avatarUrl: "", email: person.personalMail ?? "" }) : send({ code: "Forbidden" }, 401);
      }
      case "/v1.0/oauth2/accessToken":
        return body.appKey === "ding-app" && body.appSecret === "ding-secret" ? send({ accessToken: "app-token", expireIn: 7200 }) : send({ code: "invalidClientId" }, 400);
      case "/topapi/user/getbyunionid": {
        const person = dingPeople.get(String(body.unionid).replace(/^union-/, ""));
        if (url.searchParams.get("access_token") !== "app-token" || !person) return send({ errcode: 60121, errmsg: "找不到该用户" });
        return send({ errcode: 0, errmsg: "ok", result: { contact_type: 0, userid: person.id } });
      }
      case "/topapi/v2/user/get": {
        const person = dingPeople.get(String(body.userid));
        return person ? send({ errcode: 0, errmsg: "ok", result: { userid: person.id, name: person.name, org_email: person.companyMail ?? "", email: person.personalMail ?? "" } }) : send({ errcode: 60121 });
      }
      // 飞书
      case "/open-apis/authen/v2/oauth/token": {
        const person = body.client_id === "cli_feishu" && body.client_secret === "feishu-secret" && body.grant_type === "authorization_code" && typeof body.code_verifier === "string"
          ? people.get(String(body.code))
          : undefined;
        if (!person) return send({ code: 20003, error: "invalid_grant" }, 400);
        people.delete(String(body.code));
        return send({ code: 0, access_token: `user-${person.id}`, expires_in: 7200, refresh_token: "r", token_type: "Bearer", scope: "" });
      }
      case "/open-apis/authen/v1/user_info": {
        const person = feishuPeople.get(token(String(req.headers.authorization ?? "")));
        return person
          ? send({ code: 0, msg: "success", data: { name: person.name, open_id: `ou_${person.id}`, union_id: "on_x", enterprise_email: person.companyMail ?? "", email: person.personalMail ?? "", avatar_url: "" } })
          : send({ code: 99991663, msg: "invalid access token" }, 401);
      }
    }
    send({ errcode: 404 }, 404);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return server;
}

const wecomPeople = new Map<string, Person>();
const dingPeople = new Map<string, Person>();
/** 钉钉 users who are not in the app's company directory. */
const dingOutsiders = new Map<string, Person>();
const feishuPeople = new Map<string, Person>();

let server: Server;
beforeAll(async () => {
  server = await fakeProviders();
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  for (const endpoints of Object.values(PRESET_ENDPOINTS)) Object.assign(endpoints, { authorize: base, api: base, legacyApi: base });
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const settings = (kind: SsoForm["kind"], clientId: string, clientSecret: string, extra: Partial<SsoForm> = {}): SsoForm => ({
  enabled: true, kind, issuer: "", clientId, clientSecret, agentId: "", scopes: "", buttonLabel: "企业账号登录", departmentClaim: "", roleClaim: "", ssoOnly: false, ...extra,
});

let ip = 10;
/** Taps the button (sign-in/social), then comes back from the provider with `code` (person: who the provider has signed in for it, in its directory). */
async function signInThrough(code: string, person: Person | null, directory: Map<string, Person>) {
  if (person) {
    directory.set(person.id, person);
    people.set(code, person);
  }
  const headers = { "content-type": "application/json", origin: ORIGIN, "x-forwarded-for": `192.0.2.${ip++}` };
  const start = await auth.handler(new Request(`${ORIGIN}/api/auth/sign-in/social`, { method: "POST", headers, body: JSON.stringify({ provider: "sso", callbackURL: "/", errorCallbackURL: "/sign-in/error" }) }));
  expect(start.status).toBe(200);
  const authorize = new URL(((await start.json()) as { url: string }).url);
  const state = authorize.searchParams.get("state")!;
  const callback = await auth.handler(
    new Request(`${ORIGIN}/api/auth/callback/sso?${new URLSearchParams({ code, state })}`, { headers: { cookie: cookieHeader(start), "x-forwarded-for": headers["x-forwarded-for"] } }),
  );
  return { authorize, status: callback.status, location: callback.headers.get("location") ?? "", cookie: cookieHeader(callback) };
}

describe("企业微信 preset", () => {
  it("sends the browser to 企业微信's authorize page and creates a learner from the company mailbox", async () => {
    await saveSsoSettings(settings("wecom", "ww-corp", "wecom-secret", { agentId: "1000002" }));
    const result = await signInThrough("wc-code-1", { id: "zhangsan", name: "张三", companyMail: "ZhangSan@corp.example.com" }, wecomPeople);
    expect(result.authorize.pathname).toBe("/connect/oauth2/authorize");
    expect(result.authorize.hash).toBe("#wechat_redirect");
    expect(result.authorize.searchParams.get("appid")).toBe("ww-corp");
    expect(result.authorize.searchParams.get("agentid")).toBe("1000002");
    expect(result.authorize.searchParams.get("scope")).toBe("snsapi_privateinfo");
    expect(result.authorize.searchParams.get("redirect_uri")).toBe(`${ORIGIN}/api/auth/callback/sso`);
    expect(result.status).toBe(302);
    expect(result.location).toBe("/");
    expect(result.cookie).toMatch(/session_token=/);
    const user = await db.user.findUniqueOrThrow({ where: { email: "zhangsan@corp.example.com" }, include: { accounts: true } });
    expect(user).toMatchObject({ name: "张三", role: "learner", emailVerified: true });
    expect(user.accounts.map((a) => [a.providerId, a.accountId])).toEqual([["sso", "zhangsan"]]);
  });

  it("refuses a used code with invalid_code and a personal (unverified) mailbox with email_not_verified", async () => {
    await saveSsoSettings(settings("wecom", "ww-corp", "", { agentId: "1000002" })); // an empty secret keeps the saved one
    // wc-code-1 was used by the test above: the fake forgets a code once exchanged.
    const replay = await signInThrough("wc-code-1", null, wecomPeople);
    expect(replay.location).toBe("/sign-in/error?error=invalid_code");
    const personal = await signInThrough("wc-code-2", { id: "lisi", name: "李四", personalMail: "lisi@mail.example.com" }, wecomPeople);
    expect(new URL(personal.location, ORIGIN).pathname).toBe("/sign-in/error");
    expect(new URL(personal.location, ORIGIN).searchParams.get("error")).toBe("email_not_verified");
    expect(await db.user.count({ where: { email: "lisi@mail.example.com" } })).toBe(0);
  });
});

describe("钉钉 preset", () => {
  it("links to an existing account with the same (company-verified) email: no second user", async () => {
    await saveSsoSettings(settings("dingtalk", "ding-app", "ding-secret"));
    const signUp = await auth.handler(
      new Request(`${ORIGIN}/api/auth/sign-up/email`, { method: "POST", headers: { "content-type": "application/json", origin: ORIGIN, "x-forwarded-for": "198.51.100.200" }, body: JSON.stringify({ name: "王五", email: "wangwu@corp.example.com", password: "password123" }) }),
    );
    expect(signUp.status).toBe(200);
    const result = await signInThrough("dt-code-1", { id: "wangwu", name: "王五", companyMail: "wangwu@corp.example.com" }, dingPeople);
    expect(result.authorize.pathname).toBe("/oauth2/auth");
    expect(result.authorize.searchParams.get("client_id")).toBe("ding-app");
    expect(result.authorize.searchParams.get("scope")).toBe("openid corpid");
    expect(result.authorize.searchParams.get("prompt")).toBe("consent");
    expect(result.location).toBe("/");
    const users = await db.user.findMany({ where: { email: "wangwu@corp.example.com" }, include: { accounts: true } });
    expect(users).toHaveLength(1);
    expect(users[0].accounts.map((a) => a.providerId).sort()).toEqual(["credential", "sso"]);
    expect(users[0].accounts.find((a) => a.providerId === "sso")?.accountId).toBe("union-wangwu");
  });

  it("refuses someone who is not a member of the app's company (not in its directory)", async () => {
    const person = { id: "outsider", name: "外人", companyMail: "x@other.example.com" };
    dingOutsiders.set(person.id, person);
    people.set("dt-code-2", person);
    const outsider = await signInThrough("dt-code-2", null, dingOutsiders);
    expect(outsider.location).toBe("/sign-in/error?error=unable_to_get_user_info");
    expect(await db.user.count({ where: { email: "x@other.example.com" } })).toBe(0);
  });
});

describe("飞书 preset", () => {
  it("uses PKCE and the enterprise mailbox; the second sign-in reuses the account", async () => {
    await saveSsoSettings(settings("feishu", "cli_feishu", "feishu-secret"));
    const first = await signInThrough("fs-code-1", { id: "zhaoliu", name: "赵六", companyMail: "zhaoliu@corp.example.com" }, feishuPeople);
    expect(first.authorize.host).toBe(new URL(PRESET_ENDPOINTS.feishu.authorize).host);
    expect(first.authorize.pathname).toBe("/open-apis/authen/v1/authorize");
    expect(first.authorize.searchParams.get("client_id")).toBe("cli_feishu");
    expect(first.authorize.searchParams.get("code_challenge_method")).toBe("S256");
    expect(first.location).toBe("/");
    const second = await signInThrough("fs-code-2", { id: "zhaoliu", name: "赵六", companyMail: "zhaoliu@corp.example.com" }, feishuPeople);
    expect(second.location).toBe("/");
    expect(await db.user.count({ where: { email: "zhaoliu@corp.example.com" } })).toBe(1);
    expect(await db.account.count({ where: { providerId: "sso", accountId: "ou_zhaoliu" } })).toBe(1);
  });

  it("gives a deactivated account no session (decision 036)", async () => {
    await db.user.update({ where: { email: "zhaoliu@corp.example.com" }, data: { deactivatedAt: new Date() } });
    const refused = await signInThrough("fs-code-3", { id: "zhaoliu", name: "赵六", companyMail: "zhaoliu@corp.example.com" }, feishuPeople);
    expect(new URL(refused.location, ORIGIN).searchParams.get("error")).toBe("ACCOUNT_DEACTIVATED");
    expect(refused.cookie).not.toMatch(/session_token=[^;]/);
  });
});

describe("learners only through SSO", () => {
  it("refuses a learner's password sign-in and sign-up, but not a trainer's password sign-in", async () => {
    const headers = (n: number) => ({ "content-type": "application/json", origin: ORIGIN, "x-forwarded-for": `203.0.113.${n}` });
    const post = (path: string, body: unknown, n: number) => auth.handler(new Request(`${ORIGIN}/api/auth${path}`, { method: "POST", headers: headers(n), body: JSON.stringify(body) }));
    expect((await post("/sign-up/email", { name: "学员甲", email: "jia@example.com", password: "password123" }, 1)).status).toBe(200);
    expect((await post("/sign-up/email", { name: "讲师乙", email: "yi@example.com", password: "password123" }, 2)).status).toBe(200);
    await db.user.update({ where: { email: "yi@example.com" }, data: { role: "trainer" } });
    await saveSsoSettings(settings("feishu", "cli_feishu", "", { ssoOnly: true }));

    const learner = await post("/sign-in/email", { email: "jia@example.com", password: "password123" }, 3);
    expect(learner.status).toBe(403);
    expect(await learner.json()).toMatchObject({ code: "SSO_ONLY", message: "学员请使用「企业账号登录」登录。" });
    expect((await post("/sign-in/email", { email: "yi@example.com", password: "password123" }, 4)).status).toBe(200);
    const signUp = await post("/sign-up/email", { name: "学员丙", email: "bing@example.com", password: "password123" }, 5);
    expect(signUp.status).toBe(403);
    expect(await db.user.count({ where: { email: "bing@example.com" } })).toBe(0);
  });
});
