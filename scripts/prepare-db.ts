// Brings the configured database up to date: migrations, WAL mode (SQLite), demo accounts if empty.
import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { databaseUrl, isPostgresUrl, sqlitePath } from "@/lib/database-url";
import { createDbClient } from "@/lib/db-client";

const bin = (name: string) => path.join(process.cwd(), "node_modules", ".bin", name);

export async function prepareDatabase() {
  const postgres = isPostgresUrl(databaseUrl());
  if (!postgres) mkdirSync(path.dirname(sqlitePath(databaseUrl())), { recursive: true });

  execFileSync(bin("prisma"), ["migrate", "deploy"], { stdio: ["ignore", "ignore", "inherit"] });

  const db = createDbClient();
  try {
    // WAL lets readers and one writer work at once; the mode is stored in the file itself.
    if (!postgres) await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
    const count = await db.user.count();
    if (count > 0) return { seeded: false };
  } finally {
    await db.$disconnect();
  }
  const { seed } = await import("./seed");
  await seed();
  return { seeded: true };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { seeded } = await prepareDatabase();
  console.log(seeded ? "数据库已迁移，并创建了演示账号。" : "数据库已是最新。");
}
