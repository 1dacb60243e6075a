// Issue 13 (5), decision 014: limits count per socket address, so a client that rotates
// X-Forwarded-For is limited like anyone else; a proxy named in TRUSTED_PROXIES is believed.
// Requests go out from loopback addresses of their own (./from-address), so each test is a new
// client with fresh counters whatever the rest of the suite did.
import type { ChildProcess } from "node:child_process";
import { randomInt } from "node:crypto";
import { expect, test } from "@playwright/test";
import { freshLoopback, rotatingAddress, send } from "./from-address";
import { startServer } from "./servers";

// The suite's server: default configuration (no trusted proxy), but raised sign-in/up limits.
const SUITE_PORT = Number(process.env.E2E_PORT ?? 3100);
// Another server on the suite's database with the default limits, trusting 127.0.0.1 as a proxy
// (two-instances.spec.ts uses E2E_PORT + 100).
const LIMITED_PORT = SUITE_PORT + 200;
const SIGN_IN_LIMIT = 5; // the defaults in lib/env.ts
const SIGN_UP_LIMIT = 10;
const VERIFY_LIMIT = 30; // lib/certificates/queries.ts
let limited: ChildProcess | undefined;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  limited = await startServer(LIMITED_PORT, {
    SIGN_IN_LIMIT_PER_MINUTE: String(SIGN_IN_LIMIT),
    SIGN_UP_LIMIT_PER_MINUTE: String(SIGN_UP_LIMIT),
    TRUSTED_PROXIES: "127.0.0.1",
  });
});
test.afterAll(() => {
  limited?.kill();
});

const wrongSignIn = (from: string, forwardedFor: string) =>
  send(LIMITED_PORT, "/api/auth/sign-in/email", {
    from,
    method: "POST",
    headers: { "x-forwarded-for": forwardedFor, "x-real-ip": forwardedFor },
    json: { email: "nobody@example.com", password: "wrong-password" },
  });

test("30 wrong passwords with a new X-Forwarded-For each time are limited after the fifth", async () => {
  const from = freshLoopback(); // not 127.0.0.1: an untrusted peer
  const statuses: number[] = [];
  for (let i = 0; i < 30; i++) statuses.push((await wrongSignIn(from, rotatingAddress(i))).status);
  expect(statuses.slice(0, SIGN_IN_LIMIT)).toEqual(Array(SIGN_IN_LIMIT).fill(401));
  expect(statuses.slice(SIGN_IN_LIMIT)).toEqual(Array(30 - SIGN_IN_LIMIT).fill(429));
  // Another client is not affected.
  expect((await wrongSignIn(freshLoopback(), rotatingAddress(0))).status).toBe(401);
});

test("sign-ups with a new X-Forwarded-For each time are limited after the tenth", async () => {
  const from = freshLoopback();
  const statuses: number[] = [];
  for (let i = 0; i < SIGN_UP_LIMIT + 3; i++) {
    const email = `rotating-${Date.now()}-${i}@example.com`;
    const response = await send(LIMITED_PORT, "/api/auth/sign-up/email", {
      from,
      method: "POST",
      headers: { "x-forwarded-for": rotatingAddress(i) },
      json: { name: "轮换地址", email, password: "password123" },
    });
    statuses.push(response.status);
  }
  expect(statuses.slice(0, SIGN_UP_LIMIT)).toEqual(Array(SIGN_UP_LIMIT).fill(200));
  expect(statuses.slice(SIGN_UP_LIMIT)).toEqual([429, 429, 429]);
});

test("certificate lookups with a new X-Forwarded-For each time are limited after thirty (default configuration)", async () => {
  test.setTimeout(120_000);
  const from = freshLoopback();
  const lookup = (i: number) =>
    send(SUITE_PORT, `/verify/NO-SUCH-CODE-${i}`, {
      from,
      headers: { "x-forwarded-for": rotatingAddress(i), "x-real-ip": rotatingAddress(i), forwarded: `for=${rotatingAddress(i)}` },
    });
  for (let i = 0; i < VERIFY_LIMIT; i++) {
    const { status, text } = await lookup(i);
    expect(status, `lookup ${i + 1}`).toBe(404);
    expect(text, `lookup ${i + 1}`).toContain("未找到该证书");
  }
  const refused = await lookup(VERIFY_LIMIT);
  expect(refused.text).toContain("查询过于频繁");
  expect(refused.status).not.toBe(404);
});

test("behind a trusted proxy (TRUSTED_PROXIES=127.0.0.1) the forwarded client address is the one counted", async () => {
  const client = `203.0.113.${randomInt(1, 255)}`;
  const viaProxy = (forwardedFor: string) => wrongSignIn("127.0.0.1", forwardedFor);
  for (let i = 0; i < SIGN_IN_LIMIT; i++) expect((await viaProxy(client)).status).toBe(401);
  expect((await viaProxy(client)).status).toBe(429);
  // The proxy's other clients are not limited by this one.
  expect((await viaProxy(`198.51.100.${randomInt(1, 255)}`)).status).toBe(401);
  // The right-most untrusted address of the chain is the client: what it wrote on the left is not.
  expect((await viaProxy(`192.0.2.${randomInt(1, 255)}, ${client}`)).status).toBe(429);
});
