// Two processes writing one SQLite file (the cluster's workers, decision 024): a transaction that
// reads before it writes must not fail because another connection wrote in between.
import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseUrl, isPostgresUrl, sqlitePath } from "@/lib/database-url";
import { createDbClient } from "@/lib/db-client";

const row = (key: string) => ({ id: randomUUID(), key, count: 1, lastRequest: BigInt(Date.now()) });

describe.skipIf(isPostgresUrl())("SQLite with another writer on the same file", () => {
  const db = createDbClient();
  // Another process's connection. better-sqlite3 is synchronous, so in this one thread it cannot
  // wait for our transaction: a short busy timeout, and it tries again afterwards.
  // Opened once the test's fresh database exists (the setup creates it before the hooks run).
  let other: Database.Database;
  beforeAll(() => {
    other = new Database(sqlitePath(databaseUrl()), { timeout: 50, fileMustExist: true });
    other.pragma("journal_mode = WAL"); // as npm start sets it (scripts/prepare-db.ts)
  });
  const otherWrite = (key: string) => other.prepare("INSERT INTO rateLimit (id, key, count, lastRequest) VALUES (?, ?, 1, ?)").run(randomUUID(), key, Date.now());
  afterAll(async () => {
    other.close();
    await db.$disconnect();
  });

  it("a read-then-write transaction commits; the other writer waits for it instead", async () => {
    let otherRefused = false;
    await db.$transaction(async (tx) => {
      await tx.rateLimit.count(); // the transaction has read
      try {
        otherWrite("other:1"); // and another connection writes before it does
      } catch (error) {
        expect((error as { code?: string }).code).toBe("SQLITE_BUSY");
        otherRefused = true;
      }
      await tx.rateLimit.create({ data: row("mine:1") });
    });
    // With a deferred BEGIN the other write went through and our create failed with
    // SQLITE_BUSY_SNAPSHOT; BEGIN IMMEDIATE held the write lock, so the other one waits.
    expect(otherRefused).toBe(true);
    otherWrite("other:1");
    const keys = (await db.rateLimit.findMany({ select: { key: true } })).map((r) => r.key).sort();
    expect(keys).toEqual(["mine:1", "other:1"]);
  });
});
