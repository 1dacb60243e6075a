import "server-only";
import { db } from "@/lib/db";
import { XAPI_SETTING_KEY, lrsSettingsSchema, type LrsForm, type LrsSettings, type LrsSettingsView } from "@/lib/xapi/schema";
import { readSetting, writeSetting } from "@/lib/settings/stored";

/** The configured LRS, or null (none, or a hand-edited row that no longer parses). */
export async function lrsSettings(): Promise<LrsSettings | null> {
  return readSetting(XAPI_SETTING_KEY, lrsSettingsSchema);
}

/** For the page: the secret never leaves the server. */
export async function lrsSettingsView(): Promise<LrsSettingsView | null> {
  const settings = await lrsSettings();
  if (!settings) return null;
  const { secret, ...rest } = settings;
  return { ...rest, hasSecret: secret !== "" };
}

/** Saves the form; an empty secret keeps the one saved before. From now on events queue statements. */
export async function saveLrsSettings(form: LrsForm): Promise<void> {
  const previous = await lrsSettings();
  await writeSetting(XAPI_SETTING_KEY, lrsSettingsSchema, { ...form, secret: form.secret || previous?.secret || "" });
}

/** Stops queuing statements (the row's absence is what events check); queued ones wait. */
export async function removeLrsSettings(): Promise<void> {
  await db.setting.deleteMany({ where: { key: XAPI_SETTING_KEY } });
}

export type XapiOutboxStatus = {
  queued: number;
  sent: number;
  failing: number;
  lastSentAt: Date | null;
  failures: { seq: number; verb: string; learner: string; attempts: number; lastError: string; nextAttemptAt: Date }[];
};

/** /admin/xapi: counts, the last delivery, and the statements that failed at least once and still wait. */
export async function xapiOutboxStatus(): Promise<XapiOutboxStatus> {
  const failingWhere = { status: "queued", lastError: { not: null } };
  const [queued, sent, failing, lastSent, failures] = await Promise.all([
    db.xapiStatement.count({ where: { status: "queued" } }),
    db.xapiStatement.count({ where: { status: "sent" } }),
    db.xapiStatement.count({ where: failingWhere }),
    db.xapiStatement.findFirst({ where: { status: "sent" }, orderBy: { seq: "desc" }, select: { sentAt: true } }),
    db.xapiStatement.findMany({
      where: failingWhere,
      orderBy: { seq: "asc" },
      take: 20,
      select: { seq: true, verb: true, attempts: true, lastError: true, nextAttemptAt: true, user: { select: { name: true, email: true } } },
    }),
  ]);
  return {
    queued,
    sent,
    failing,
    lastSentAt: lastSent?.sentAt ?? null,
    failures: failures.map(({ user, ...row }) => ({ ...row, learner: `${user.name}（${user.email}）`, lastError: row.lastError ?? "" })),
  };
}

/** Makes every queued statement due now (the retry-now button); returns how many wait. */
export async function makeQueuedDue(now = new Date()): Promise<number> {
  const { count } = await db.xapiStatement.updateMany({ where: { status: "queued", nextAttemptAt: { gt: now } }, data: { nextAttemptAt: now } });
  return count;
}
