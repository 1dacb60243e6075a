// writeBatch (decision 028): all or nothing, and on SQLite a write lock held by another connection
// is waited for with timers, so the process keeps answering while it waits.
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isPostgresUrl, sqlitePath } from "@/lib/database-url";
import { db } from "@/lib/db";
import { writeBatch } from "@/lib/db-writes";
import { Prisma } from "@/lib/generated/prisma/client";

const at = new Date("2026-12-03T08:00:00.123Z");

beforeAll(async () => {
  await db.user.create({ data: { id: "u-batch", name: "批量", email: "batch@example.com", emailVerified: false } });
});

describe("writeBatch", () => {
  it("stores every statement, with dates read back by Prisma as written", async () => {
    await writeBatch([
      Prisma.sql`INSERT INTO "lesson_progress" ("id", "userId", "lessonKey", "moduleSlug", "completedAt") VALUES ('p1', 'u-batch', 'm/l1', 'm', ${at})`,
      Prisma.sql`UPDATE "user" SET "lastActivityAt" = ${at} WHERE "id" = 'u-batch'`,
    ]);
    const row = await db.lessonProgress.findUniqueOrThrow({ where: { id: "p1" } });
    expect(row.completedAt.toISOString()).toBe(at.toISOString());
    const user = await db.user.findUniqueOrThrow({ where: { id: "u-batch" } });
    expect(user.lastActivityAt?.toISOString()).toBe(at.toISOString());
    // Prisma's own comparison finds it, so the stored text sorts as Prisma's would.
    expect(await db.lessonProgress.count({ where: { completedAt: { gte: at } } })).toBe(1);
  });

  it("stores nothing when one statement fails", async () => {
    await expect(
      writeBatch([
        Prisma.sql`INSERT INTO "lesson_progress" ("id", "userId", "lessonKey", "moduleSlug", "completedAt") VALUES ('p2', 'u-batch', 'm/l2', 'm', ${at})`,
        Prisma.sql`INSERT INTO "lesson_progress" ("id", "userId", "lessonKey", "moduleSlug", "completedAt") VALUES ('p1', 'u-batch', 'm/l3', 'm', ${at})`,
      ]),
    ).rejects.toThrow();
    expect(await db.lessonProgress.findUnique({ where: { id: "p2" } })).toBeNull();
  });
});

describe.skipIf(isPostgresUrl())("writeBatch on SQLite, while another process holds the write lock", () => {
  let other: Database.Database;
  beforeAll(() => {
    other = new Database(sqlitePath(), { timeout: 5000 });
  });
  afterAll(() => other.close());

  it("waits without blocking the event loop, then writes", async () => {
    other.prepare("BEGIN IMMEDIATE").run();
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 5);
    const write = writeBatch([Prisma.sql`UPDATE "user" SET "name" = '等待后写入' WHERE "id" = 'u-batch'`]);
    await new Promise((r) => setTimeout(r, 200));
    expect(ticks).toBeGreaterThan(10); // the timers kept running while the write waited
    other.prepare("COMMIT").run();
    await write;
    clearInterval(ticker);
    expect((await db.user.findUniqueOrThrow({ where: { id: "u-batch" } })).name).toBe("等待后写入");
  });
});
