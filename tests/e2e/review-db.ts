import { withDb } from "./db";

const DAY = 86_400_000;
const back = (date: Date | null, days: number) => (date ? new Date(date.getTime() - days * DAY) : null);

/**
 * Moves one learner's review history `days` into the past: every instant and Beijing day the
 * review stored. For the server this is the clock moving `days` forward for that learner, with no
 * way to set the server's clock at all (nothing to switch on, so nothing to misuse in production).
 */
export function ageReviews(email: string, days: number) {
  return withDb(async (db) => {
    const { id: userId } = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
    const [cards, logs, finished] = await Promise.all([
      db.reviewCard.findMany({ where: { userId } }),
      db.reviewLog.findMany({ where: { userId } }),
      db.reviewDay.findMany({ where: { userId } }),
    ]);
    await db.$transaction([
      ...cards.map((c) =>
        db.reviewCard.update({ where: { id: c.id }, data: { due: back(c.due, days)!, addedAt: back(c.addedAt, days)!, lastReview: back(c.lastReview, days), answeredAt: back(c.answeredAt, days) } }),
      ),
      ...logs.map((l) => db.reviewLog.update({ where: { id: l.id }, data: { reviewedAt: back(l.reviewedAt, days)! } })),
      db.reviewDay.deleteMany({ where: { userId } }),
      db.reviewDay.createMany({ data: finished.map((d) => ({ userId, day: new Date(Date.parse(d.day) - days * DAY).toISOString().slice(0, 10), finishedAt: back(d.finishedAt, days)! })) }),
    ]);
  });
}

/** The next due dates of one learner's cards in the book, earliest first (for the spec's messages). */
export function dueDates(email: string) {
  return withDb(async (db) => {
    const rows = await db.reviewCard.findMany({ where: { user: { email }, retiredAt: null }, select: { due: true }, orderBy: { due: "asc" } });
    return rows.map((r) => r.due);
  });
}
