import { createHash, randomUUID } from "node:crypto";
import { E2E_DATABASE_URL } from "../../playwright.config";
import { isPostgresUrl } from "../../lib/database-url";
import { readCourse } from "../../lib/content/load";
import { createDbClient } from "../../lib/db-client";
import { childPath, pathIds } from "../../lib/departments/tree";

// Direct access to the end-to-end server's database (SQLite or PostgreSQL), for set-up that is
// not under test (finishing 43 lessons) and for simulating the passage of time.
export async function withDb<T>(run: (db: ReturnType<typeof createDbClient>) => Promise<T>): Promise<T> {
  const db = createDbClient(E2E_DATABASE_URL);
  try {
    return await run(db);
  } finally {
    await db.$disconnect();
  }
}

export function completeAllLessons(email: string) {
  return withDb(async (db) => {
    const { id } = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
    const rows = readCourse().course.modules.flatMap((mod) => mod.lessons.map((lesson) => ({ userId: id, lessonKey: lesson.key, moduleSlug: mod.slug })));
    await db.$transaction([db.lessonProgress.deleteMany({ where: { userId: id } }), db.lessonProgress.createMany({ data: rows })]);
  });
}

export function expireAttempt(attemptId: string) {
  return withDb((db) => db.assessmentAttempt.update({ where: { id: attemptId }, data: { deadlineAt: new Date("2000-01-01T00:00:00Z") } }));
}

/** Writes the correct answer to every choice question of an attempt (set-up for a high score). */
export function answerAllChoicesCorrectly(attemptId: string) {
  return withDb(async (db) => {
    const { paper } = await db.assessmentAttempt.findUniqueOrThrow({ where: { id: attemptId }, select: { paper: true } });
    const parsed = JSON.parse(paper) as {
      part1: { question: { id: string; answer: string[] } }[];
      case: { study: { questions: { id: string; kind: string; answer?: string[] }[] } };
    };
    const answers = [
      ...parsed.part1.map(({ question }) => [`p1:${question.id}`, question.answer] as const),
      ...parsed.case.study.questions.filter((q) => q.kind === "choice").map((q) => [`p2:${q.id}`, q.answer] as const),
    ];
    await db.$transaction(
      answers.map(([itemKey, answer]) =>
        db.assessmentAnswer.upsert({
          where: { attemptId_itemKey: { attemptId, itemKey } },
          create: { attemptId, itemKey, value: JSON.stringify(answer) },
          update: { value: JSON.stringify(answer) },
        }),
      ),
    );
  });
}

// Written by sign-in and rate limiting on every request, refused or not; everything else is the
// app's data, which no refused request may change. Reminder notices, the outbox and the
// reminder pass marker are also written by the server's once-a-minute sweep (decision 032), at
// any moment of a test; the dismissal's owner check is tested in reminder-actions.test.ts.
const NOT_DOMAIN = new Set(["session", "account", "verification", "rateLimit", "_prisma_migrations", "notice", "outbound_message"]);
const BACKGROUND_ROW = (table: string, row: Record<string, unknown>) => table === "setting" && row.key === "reminders.pass";

/** Row count and a hash of the rows of every domain table (every table but the ones above). */
export function domainSnapshot(): Promise<Record<string, { rows: number; hash: string }>> {
  return withDb(async (db) => {
    const tables = isPostgresUrl(E2E_DATABASE_URL)
      ? await db.$queryRawUnsafe<{ name: string }[]>("SELECT tablename::text AS name FROM pg_tables WHERE schemaname = current_schema()")
      : await db.$queryRawUnsafe<{ name: string }[]>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
    const snapshot: Record<string, { rows: number; hash: string }> = {};
    for (const { name } of tables.filter((t) => !NOT_DOMAIN.has(t.name)).sort((a, b) => a.name.localeCompare(b.name))) {
      const rows = await db.$queryRawUnsafe<Record<string, unknown>[]>(`SELECT * FROM "${name}"`);
      const lines = rows.filter((row) => !BACKGROUND_ROW(name, row)).map((row) => JSON.stringify(row, (_key, value) => (typeof value === "bigint" ? value.toString() : value))).sort();
      snapshot[name] = { rows: lines.length, hash: createHash("sha256").update(lines.join("\n")).digest("hex") };
    }
    return snapshot;
  });
}

/** Marks a submitted attempt as graded and released with this outcome (set-up: a grade a trainer gave). */
export function releaseAttempt(attemptId: string, outcome: "failed" | "passed", finalScore: number) {
  return withDb((db) =>
    db.assessmentAttempt.update({ where: { id: attemptId }, data: { status: "released", outcome, finalScore, part2Score: finalScore, part3Score: finalScore, gradedAt: new Date(), releasedAt: new Date() } }),
  );
}

/**
 * Set-up: the department at these names from the root (created level by level where missing)
 * and, with `email`, that user placed in it. Returns the department's id.
 */
export function placeInDepartment(names: readonly string[], email?: string): Promise<string> {
  return withDb(async (db) => {
    let parent = null as { id: string; path: string } | null;
    for (const name of names) {
      const found: { id: string; path: string } | null = await db.department.findFirst({ where: { parentId: parent?.id ?? null, name }, select: { id: true, path: true } });
      if (found) {
        parent = found;
        continue;
      }
      const id = randomUUID();
      const path = childPath(parent?.path ?? null, id);
      parent = await db.department.create({ data: { id, name, parentId: parent?.id ?? null, path, depth: pathIds(path).length - 1 }, select: { id: true, path: true } });
    }
    if (!parent) throw new Error("empty department path");
    if (email) await db.user.update({ where: { email }, data: { departmentId: parent.id } });
    return parent.id;
  });
}

export function userIdOf(email: string): Promise<string> {
  return withDb(async (db) => (await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id);
}
