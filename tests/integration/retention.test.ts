import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { auth } from "@/lib/auth/auth";
import { db } from "@/lib/db";
import { pruneExpired } from "@/lib/retention/prune";
import { RETENTION_DAYS } from "@/lib/retention/rules";

// Retention (decision 044): past notices, delivered messages and stored statements older than
// RETENTION_DAYS go; anything still waiting or failing stays, and so does everything younger.

const DAY = 24 * 60 * 60 * 1000;
const now = new Date("2026-12-04T04:00:00Z");
const daysAgo = (days: number) => new Date(now.getTime() - days * DAY);
const dayString = (days: number) => daysAgo(days).toISOString().slice(0, 10);

describe("pruneExpired", () => {
  it("deletes only what is delivered or past and older than the retention, in slices", async () => {
    const { user } = await auth.api.signUpEmail({ body: { name: "保留学员", email: "retention@example.com", password: "password123" } });
    const old = RETENTION_DAYS + 5;
    const recent = RETENTION_DAYS - 5;

    // 1,100 old notices (more than two slices of 500), a recent one and today's.
    await db.notice.createMany({
      data: Array.from({ length: 1_100 }, (_, i) => ({ userId: user.id, day: dayString(old + i), kind: "overdue", message: "旧提醒" })),
    });
    await db.notice.createMany({ data: [recent, 0].map((d) => ({ userId: user.id, day: dayString(d), kind: "overdue", message: "近期提醒" })) });

    const message = (status: string, sentDaysAgo: number | null, createdDaysAgo: number) => ({
      channel: "email", dedupeKey: randomUUID(), recipient: "a@example.com", subject: "提醒", body: "正文", status,
      sentAt: sentDaysAgo === null ? null : daysAgo(sentDaysAgo), createdAt: daysAgo(createdDaysAgo), nextAttemptAt: daysAgo(createdDaysAgo),
    });
    await db.outboundMessage.createMany({
      data: [message("sent", old, old), message("sent", recent, old), message("failed", null, old), message("pending", null, old)],
    });

    const statement = (status: string, sentDaysAgo: number | null, createdDaysAgo: number) => ({
      id: randomUUID(), userId: user.id, verb: "completed", objectId: "https://example.com/x", body: "{}", status,
      sentAt: sentDaysAgo === null ? null : daysAgo(sentDaysAgo), createdAt: daysAgo(createdDaysAgo), nextAttemptAt: daysAgo(createdDaysAgo),
    });
    await db.xapiStatement.createMany({ data: [statement("sent", old, old), statement("sent", old + 1, old + 1), statement("sent", recent, recent), statement("queued", null, old)] });

    expect(await pruneExpired(now)).toEqual({ notices: 1_100, messages: 1, statements: 2 });
    expect((await db.notice.findMany({ select: { message: true } })).map((n) => n.message)).toEqual(["近期提醒", "近期提醒"]);
    expect((await db.outboundMessage.findMany({ select: { status: true }, orderBy: { status: "asc" } })).map((m) => m.status)).toEqual(["failed", "pending", "sent"]);
    expect((await db.xapiStatement.findMany({ select: { status: true }, orderBy: { status: "asc" } })).map((s) => s.status)).toEqual(["queued", "sent"]);
    // A second run finds nothing more.
    expect(await pruneExpired(now)).toEqual({ notices: 0, messages: 0, statements: 0 });
  });
});
