// Brings the configured database up to date: migrations, WAL mode, back-fills, demo accounts if empty.
import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { databaseUrl, sqlitePath } from "@/lib/database-url";

const bin = (name: string) => path.join(process.cwd(), "node_modules", ".bin", name);

export async function prepareDatabase() {
  const file = sqlitePath(databaseUrl());
  mkdirSync(path.dirname(file), { recursive: true });

  execFileSync(bin("prisma"), ["migrate", "deploy"], { stdio: ["ignore", "ignore", "inherit"] });

  // WAL lets readers and one writer work at once; the mode is stored in the file itself.
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  const { count } = sqlite.prepare('SELECT COUNT(*) AS count FROM "user"').get() as { count: number };
  sqlite.close();

  // Rows that newer code writes at the source, for data older than that code (once; cheap after).
  const { backfill } = await import("./backfill");
  const filled = backfill(file);
  if (filled.responses || filled.learners) {
    console.log(`补全历史数据：${filled.quizAttempts} 次测验、${filled.assessmentAttempts} 次结业考核的逐题作答（${filled.responses} 行），${filled.learners} 名用户的最近活动时间。`);
  }

  if (count === 0) {
    const { seed } = await import("./seed");
    await seed();
    return { seeded: true };
  }
  return { seeded: false };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { seeded } = await prepareDatabase();
  console.log(seeded ? "数据库已迁移，并创建了演示账号。" : "数据库已是最新。");
}
