import { makeSignature } from "better-auth/crypto";
import { createHMAC } from "@better-auth/utils/hmac";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/me/route";
import { auth } from "@/lib/auth/auth";
import { installationSecret, sessionSecret } from "@/lib/auth/installation-secret";
import { loadCourse } from "@/lib/content/load";
import { db } from "@/lib/db";
import { createDbClient } from "@/lib/db-client";
import { signUpInBrowser } from "./support/browser-session";
import { freshDatabaseUrl } from "./support/fresh-database";
import { repositoryStrings } from "./support/repository-strings";

// Decision 013: sessions are signed with a secret of this installation's own, never one from the
// repository. better-auth signs two cookies with it (HMAC-SHA256): session_token (better-call's
// signed cookie, `token.signature`) and the cookie cache session_data (its compact format).

const LESSON = loadCourse().modules[0].lessons[0].key;
// The fixed fallback lib/env.ts had before decision 013, and better-auth's own default.
const KNOWN_DEFAULTS = ["dev-only-secret-change-me-in-production-0123456789", "better-auth-secret-12345678901234567890"];

type Cookie = { name: string; value: string };
const parse = (header: string): Cookie[] => header.split("; ").map((c) => ({ name: c.slice(0, c.indexOf("=")), value: c.slice(c.indexOf("=") + 1) }));
const named = (cookies: Cookie[], suffix: string) => cookies.find((c) => c.name.endsWith(suffix))!;

/** session_token as better-call signs it: the token, a dot, HMAC-SHA256 in base64; URL-encoded. */
async function signedToken(token: string, key: string): Promise<string> {
  return encodeURIComponent(`${token}.${await makeSignature(token, key)}`);
}

/** session_data in better-auth's compact format: the payload, its expiry and their signature. */
async function signedSessionData(session: Record<string, unknown>, expiresAt: number, key: string): Promise<string> {
  const signature = await createHMAC("SHA-256", "base64urlnopad").sign(key, JSON.stringify({ ...session, expiresAt }));
  return Buffer.from(JSON.stringify({ session, expiresAt, signature })).toString("base64url");
}

async function me(cookie: string) {
  const response = await GET(new NextRequest(`http://localhost:3000/api/me?lesson=${LESSON}`, { headers: { cookie } }));
  return { status: response.status, body: (await response.json()) as { user?: { name: string } } };
}

describe("the installation's session secret", () => {
  it.skipIf(process.env.BETTER_AUTH_SECRET)("is what better-auth signs with when BETTER_AUTH_SECRET is unset: random, 256 bits", async () => {
    const secret = await installationSecret(db);
    expect((await auth.$context).secret).toBe(secret);
    expect(await sessionSecret(db)).toBe(secret);
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it("is kept across restarts and differs between installations, even when instances start at once", async () => {
    const installations = [];
    for (let i = 0; i < 2; i++) {
      const url = await freshDatabaseUrl();
      // Three instances of a new installation starting together, then one restarting.
      const clients = [createDbClient(url), createDbClient(url), createDbClient(url)];
      const first = await Promise.all(clients.map((c) => installationSecret(c)));
      await Promise.all(clients.map((c) => c.$disconnect()));
      const restarted = createDbClient(url);
      const again = await installationSecret(restarted);
      expect(await restarted.installationSecret.count()).toBe(1);
      await restarted.$disconnect();
      expect(new Set([...first, again]).size).toBe(1);
      installations.push(again);
    }
    expect(installations[0]).not.toBe(installations[1]);
    expect(installations).not.toContain(await installationSecret(db));
  });
});

describe("a cookie signed with any key found in the repository", () => {
  let victim: { id: string; name: string; email: string };
  let forged: { token: string; tokenName: string; dataName: string; session: Record<string, unknown>; expiresAt: number };
  let live: { token: string; tokenName: string };

  beforeAll(async () => {
    const v = await signUpInBrowser("victim");
    await db.user.update({ where: { id: v.id }, data: { name: "被冒充的学员" } });
    victim = { id: v.id, email: v.email, name: "被冒充的学员" };

    // The attacker's own cookies, as the server set them at sign-up: the real format to forge from.
    const attacker = parse((await signUpInBrowser("attacker")).cookie);
    const tokenCookie = named(attacker, "session_token");
    const dataCookie = named(attacker, "session_data");
    const token = decodeURIComponent(tokenCookie.value).split(".")[0];
    const cached = JSON.parse(Buffer.from(dataCookie.value, "base64url").toString()) as { session: { session: Record<string, unknown>; user: Record<string, unknown> } };
    // Claim to be the victim, for ten minutes; the attacker's own session is signed out.
    const session = {
      ...cached.session,
      session: { ...cached.session.session, userId: victim.id },
      user: { ...cached.session.user, id: victim.id, name: victim.name, email: victim.email },
    };
    forged = { token, tokenName: tokenCookie.name, dataName: dataCookie.name, session, expiresAt: Date.now() + 10 * 60_000 };
    await db.session.deleteMany({ where: { token } });

    // A live session of someone else, whose token an attacker might have learned.
    const other = parse((await signUpInBrowser("live")).cookie);
    live = { token: decodeURIComponent(named(other, "session_token").value).split(".")[0], tokenName: named(other, "session_token").name };
  });

  /** The three cookies an attacker holding `key` would send; each must be refused unless `key` is the secret. */
  async function attempts(key: string) {
    const token = await signedToken(forged.token, key);
    const data = await signedSessionData(forged.session, forged.expiresAt, key);
    const genuineToken = await signedToken(forged.token, await sessionSecret(db));
    return {
      "forged session_token and session_data": `${forged.tokenName}=${token}; ${forged.dataName}=${data}`,
      "genuine (signed-out) session_token with forged session_data": `${forged.tokenName}=${genuineToken}; ${forged.dataName}=${data}`,
      "a live session's token signed with the key": `${live.tokenName}=${await signedToken(live.token, key)}`,
    };
  }

  it("works with the real secret for a live session (so the forgeries below are well-formed)", async () => {
    const secret = await sessionSecret(db);
    const [both, dataOnly, liveToken] = Object.values(await attempts(secret));
    // The forged cookie-cache data names a signed-out session: well-formed and correctly signed,
    // it is still refused since decision 036 checks that a cached session is live.
    expect((await me(both)).status).toBe(401);
    expect((await me(dataOnly)).status).toBe(401);
    expect((await me(liveToken)).status).toBe(200);
  });

  it("is refused with 401 for every string literal in the source, code span in the docs, the old fallback and better-auth's default", async () => {
    const candidates = [...new Set([...KNOWN_DEFAULTS, ...repositoryStrings()])];
    expect(candidates.length).toBeGreaterThan(500);
    const accepted: string[] = [];
    for (const key of candidates) {
      for (const [what, cookie] of Object.entries(await attempts(key))) {
        const { status } = await me(cookie);
        if (status !== 401) accepted.push(`${what} with key ${JSON.stringify(key.slice(0, 60))}: ${status}`);
      }
    }
    expect(accepted).toEqual([]);
  }, 300_000);

  it("cannot be signed with the empty key at all, and an unsigned cookie is refused", async () => {
    // WebCrypto refuses a zero-length HMAC key, so no server could sign (or check) with it either.
    await expect(makeSignature(forged.token, "")).rejects.toThrow();
    await expect(createHMAC("SHA-256", "base64urlnopad").sign("", "x")).rejects.toThrow();
    const unsigned = Buffer.from(JSON.stringify({ session: forged.session, expiresAt: forged.expiresAt, signature: "" })).toString("base64url");
    for (const cookie of [`${live.tokenName}=${live.token}`, `${live.tokenName}=${live.token}.`, `${forged.tokenName}=${forged.token}.; ${forged.dataName}=${unsigned}`]) {
      expect((await me(cookie)).status).toBe(401);
    }
  });
});
