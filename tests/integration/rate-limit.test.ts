// Rate-limit rows do not pile up: expired ones are deleted, by us (at most once a minute per
// process) and by better-auth when one of its keys starts a new window (decision 014).
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { auth } from "@/lib/auth/auth";
import { allowVerifyLookup } from "@/lib/certificates/queries";
import { db } from "@/lib/db";
import { RATE_LIMIT_WINDOW_SECONDS, pruneExpiredRateLimits } from "@/lib/security/rate-limit";

const WINDOW_MS = RATE_LIMIT_WINDOW_SECONDS * 1000;

async function addRows(prefix: string, count: number, lastRequest: number) {
  await db.rateLimit.createMany({
    data: Array.from({ length: count }, (_, i) => ({ id: randomUUID(), key: `${prefix}${i}`, count: 3, lastRequest: BigInt(lastRequest) })),
  });
}

const keys = async () => (await db.rateLimit.findMany({ select: { key: true } })).map((row) => row.key).sort();

describe("rate-limit rows", () => {
  it("expired rows are deleted at most once a minute per process, live ones kept", async () => {
    const t0 = Date.now() + 10 * WINDOW_MS;
    await addRows("verify:192.0.2.", 200, t0 - WINDOW_MS - 1);
    await addRows("verify:198.51.100.", 2, t0 - 1000);
    expect(await pruneExpiredRateLimits(t0)).toBe(200);
    expect(await keys()).toEqual(["verify:198.51.100.0", "verify:198.51.100.1"]);

    await addRows("late:", 5, t0 - WINDOW_MS - 1);
    expect(await pruneExpiredRateLimits(t0 + 30_000)).toBe(0); // pruned less than a minute ago
    expect(await pruneExpiredRateLimits(t0 + WINDOW_MS)).toBe(7); // now the late ones, and the two that expired since
    expect(await keys()).toEqual([]);
  });

  it("a verification lookup prunes on its way", async () => {
    const t1 = Date.now() + 100 * WINDOW_MS;
    await addRows("verify:203.0.113.", 50, t1 - 2 * WINDOW_MS);
    expect(await allowVerifyLookup("192.0.2.1", t1)).toBe(true);
    expect(await keys()).toEqual(["verify:192.0.2.1"]);
  });

  it("better-auth deletes expired rows when a client's window starts again", async () => {
    await db.rateLimit.deleteMany();
    const now = Date.now();
    await addRows("198.51.100.", 100, now - 5 * WINDOW_MS); // stale sign-in counters of other clients
    await db.rateLimit.create({ data: { id: randomUUID(), key: "203.0.113.50|/sign-in/email", count: 5, lastRequest: BigInt(now - 2 * WINDOW_MS) } });
    const response = await auth.handler(
      new Request("http://localhost:3000/api/auth/sign-in/email", {
        method: "POST",
        headers: { "content-type": "application/json", origin: "http://localhost:3000", "x-forwarded-for": "203.0.113.50" },
        body: JSON.stringify({ email: "nobody@example.com", password: "wrong-password" }),
      }),
    );
    expect(response.status).toBe(401);
    expect(await keys()).toEqual(["203.0.113.50|/sign-in/email"]);
  });
});
