// Brings the configured database up to date: migrations, WAL mode and back-fills (SQLite), the
// installation's session secret (decision 013) and badge signing key (decision 041), demo accounts if empty.
import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { databaseUrl, isPostgresUrl, sqlitePath } from "@/lib/database-url";
import { sessionSecret } from "@/lib/auth/installation-secret";
import { activeSigningKey } from "@/lib/badges/keys";
import { createDbClient } from "@/lib/db-client";

const bin = (name: string) => path.join(process.cwd(), "node_modules", ".bin", name);

export async function prepareDatabase() {
  const postgres = isPostgresUrl(databaseUrl());
  const file = sqlitePath(databaseUrl());
  if (!postgres) mkdirSync(path.dirname(file), { recursive: true });

  execFileSync(bin("prisma"), ["migrate", "deploy"], { stdio: ["ignore", "ignore", "inherit"] });

  const db = createDbClient();
  let count: number;
  try {
    // WAL lets readers and one writer work at once; the mode is stored in the file itself.
    if (!postgres) await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
    // Created here on first start (unless BETTER_AUTH_SECRET is set), before any server reads it.
    await sessionSecret(db);
    // The Open Badges signing key too (decision 041): no credential download has to write one.
    await activeSigningKey(db);
    count = await db.user.count();
  } finally {
    await db.$disconnect();
  }

  // Rows that newer code writes at the source, for data older than that code (once; cheap after).
  // SQLite only: PostgreSQL support arrived after those rows did, so its data never lacks them.
  if (!postgres) {
    const { backfill } = await import("./backfill");
    const filled = await backfill();
    if (filled.responses || filled.learners) {
      console.log(`补全历史数据：${filled.quizAttempts} 次测验、${filled.assessmentAttempts} 次结业考核的逐题作答（${filled.responses} 行），${filled.learners} 名用户的最近活动时间。`);
    }
  }

  if (count > 0) return { seeded: false };
  const { seed } = await import("./seed");
  await seed();
  return { seeded: true };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { seeded } = await prepareDatabase();
  console.log(seeded ? "数据库已迁移，并创建了演示账号。" : "数据库已是最新。");
}
