import "server-only";
import { randomUUID } from "node:crypto";
import { assignmentStates } from "@/lib/assignments/progress";
import { beijingDay } from "@/lib/assignments/status";
import { publicOrigin } from "@/lib/certificates/origin";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { pathIds } from "@/lib/departments/tree";
import { enqueueEmail, enqueueWebhook } from "@/lib/outbox/enqueue";
import { groupMessage, noticeText, reminderEmail, remindersByLearner, type GroupEntry, type LearnerReminder } from "@/lib/reminders/rules";

// The reminder job: for every learner with an overdue or due-soon 学习任务, one notice a Beijing
// day, with its email queued in the same transaction; for every department with a group robot
// (its own or its nearest ancestor's), one group message a day. Safe to run again and in several
// processes at once: the notice's unique (userId, day) and the outbox's dedupeKey decide.

const CHUNK = 200;
const isUniqueViolation = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
export type ReminderRun = { reminded: number; notices: number; groupMessages: number };

export async function runReminders(now = new Date()): Promise<ReminderRun> {
  const day = beijingDay(now);
  const reminders = remindersByLearner(await assignmentStates({ now }), now);
  if (!reminders.size) return { reminded: 0, notices: 0, groupMessages: 0 };

  const ids = [...reminders.keys()];
  const users = new Map<string, { name: string; email: string; departmentId: string | null }>();
  const noticed = new Set<string>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    const [rows, notices] = await Promise.all([
      db.user.findMany({ where: { id: { in: chunk } }, select: { id: true, name: true, email: true, departmentId: true } }),
      // By (userId, day), the unique index: the notice table grows by a day's learners every day.
      db.notice.findMany({ where: { userId: { in: chunk }, day }, select: { userId: true } }),
    ]);
    for (const row of rows) users.set(row.id, row);
    for (const row of notices) noticed.add(row.userId);
  }
  const todo = ids.filter((id) => users.has(id) && !noticed.has(id));

  let notices = 0;
  const origin = publicOrigin();
  const remind = async (batch: string[]): Promise<number> => {
    try {
      return await db.$transaction(async (tx) => {
        let created = 0;
        for (const userId of batch) {
          const reminder = reminders.get(userId)!;
          const user = users.get(userId)!;
          const id = randomUUID();
          const notice = await tx.notice.upsert({
            where: { userId_day: { userId, day } },
            create: { id, userId, day, kind: reminder.kind, assignmentId: reminder.tasks[0].assignmentId, message: noticeText(reminder) },
            update: {},
            select: { id: true },
          });
          if (notice.id !== id) continue;
          created += 1;
          await enqueueEmail(tx, { dedupeKey: `reminder:${userId}:${day}`, to: user.email, ...reminderEmail(user.name, reminder, origin) });
        }
        return created;
      });
    } catch (error) {
      // Another process wrote one of these notices between our read and our insert (the upsert
      // is a read then an insert, not one statement): the batch is rolled back whole, so go
      // again one learner at a time; the one already reminded then finds its notice.
      if (!isUniqueViolation(error)) throw error;
      if (batch.length === 1) return 0;
      let created = 0;
      for (const userId of batch) created += await remind([userId]);
      return created;
    }
  };
  for (let i = 0; i < todo.length; i += CHUNK) notices += await remind(todo.slice(i, i + CHUNK));

  const groupMessages = await queueGroupMessages(day, reminders, users);
  return { reminded: reminders.size, notices, groupMessages };
}

async function queueGroupMessages(day: string, reminders: Map<string, LearnerReminder>, users: Map<string, { name: string; departmentId: string | null }>): Promise<number> {
  const departments = await db.department.findMany({ select: { id: true, name: true, path: true, webhookKind: true, webhookUrl: true, archivedAt: true } });
  const byId = new Map(departments.map((d) => [d.id, d]));
  // The department whose robot speaks for a learner: their own, or the nearest one above with a robot.
  const robotOf = (departmentId: string): string | null => {
    const own = byId.get(departmentId);
    if (!own) return null;
    for (const id of pathIds(own.path).reverse()) {
      const d = byId.get(id);
      if (d && !d.archivedAt && d.webhookUrl && d.webhookKind) return id;
    }
    return null;
  };
  const groups = new Map<string, GroupEntry[]>();
  for (const [userId, reminder] of reminders) {
    const user = users.get(userId);
    const robot = user?.departmentId ? robotOf(user.departmentId) : null;
    if (!user || !robot) continue;
    const list = groups.get(robot) ?? [];
    list.push({ name: user.name, task: reminder.tasks[0] });
    groups.set(robot, list);
  }
  let queued = 0;
  for (const [departmentId, entries] of groups) {
    const text = groupMessage(byId.get(departmentId)!.name, day, entries);
    try {
      if (await db.$transaction((tx) => enqueueWebhook(tx, { dedupeKey: `reminder:department:${departmentId}:${day}`, departmentId, text }))) queued += 1;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error; // another process queued it a moment ago
    }
  }
  return queued;
}

const PASS_KEY = "reminders.pass";
/** Even when nothing seems to change, look again this often (a missed write, a clock skew). */
const PASS_AT_LEAST_EVERY_MS = 60 * 60_000;

/**
 * The once-a-minute entry point: runs the job only when something it depends on changed since
 * the last pass (the Beijing day, assignments and their targets, people, departments) or an hour
 * went by; otherwise it costs two small queries. Among processes running it at once, one claims
 * the pass (a conditional update of the Setting row) and the others skip it.
 */
export async function reminderTick(now = new Date()): Promise<ReminderRun | null> {
  const mark = `${beijingDay(now)}|${await fingerprint()}`;
  const row = await db.setting.findUnique({ where: { key: PASS_KEY }, select: { value: true } });
  const last = row ? parsePass(row.value) : null;
  if (last?.mark === mark && typeof last.at === "number" && now.getTime() - last.at < PASS_AT_LEAST_EVERY_MS) return null;
  const value = JSON.stringify({ mark, at: now.getTime() });
  if (!row) {
    try {
      await db.setting.create({ data: { key: PASS_KEY, value } });
    } catch (error) {
      if (isUniqueViolation(error)) return null; // another process started the first pass
      throw error;
    }
  } else {
    const claimed = await db.setting.updateMany({ where: { key: PASS_KEY, value: row.value }, data: { value } });
    if (claimed.count !== 1) return null;
  }
  try {
    return await runReminders(now);
  } catch (error) {
    // Forget the pass so the next tick tries again rather than an hour later.
    await db.setting.updateMany({ where: { key: PASS_KEY, value }, data: { value: JSON.stringify({ mark: "", at: 0 }) } });
    throw error;
  }
}

function parsePass(value: string): { mark?: string; at?: number } | null {
  try {
    return JSON.parse(value) as { mark?: string; at?: number };
  } catch {
    return null; // a hand-edited row: run, and the claim below replaces it
  }
}

async function fingerprint(): Promise<string> {
  const [row] = await db.$queryRaw<Record<string, unknown>[]>`
    SELECT (SELECT COUNT(*) FROM "assignment" WHERE "archivedAt" IS NULL) AS a,
           (SELECT MAX("createdAt") FROM "assignment") AS b,
           (SELECT COUNT(*) FROM "assignment_target") AS c,
           (SELECT COUNT(*) FROM "user") AS d,
           (SELECT MAX("updatedAt") FROM "user") AS e,
           (SELECT MAX("updatedAt") FROM "department") AS f`;
  return ["a", "b", "c", "d", "e", "f"].map((k) => { const v = row?.[k]; return v instanceof Date ? v.toISOString() : String(v); }).join("|");
}
