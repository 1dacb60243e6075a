import { describe, expect, it, vi } from "vitest";
import { saveAsShown } from "./support/answers";
import { auth } from "@/lib/auth/auth";
import { db } from "@/lib/db";
import { loadAttempt, startAttempt } from "@/lib/assessment/attempts";
import { readAssessment } from "@/lib/content/banks";

// Decision 025: a save is checked against the attempt's cached answer sheet and merged into the
// stored answers, item by item.

const content = readAssessment().content!;
let n = 0;
async function openAttempt() {
  const { user } = await auth.api.signUpEmail({ body: { name: "考生", email: `autosave${n++}@example.com`, password: "password123" } });
  const started = await startAttempt(user.id, content);
  if (!started.ok) throw new Error(started.reason);
  return { userId: user.id, attempt: (await loadAttempt(user.id, started.attemptId))! };
}

describe("autosave", () => {
  it("keeps both of two concurrent saves of different items, and every item's last value", async () => {
    const { userId, attempt } = await openAttempt();
    const [q1, q2, q3] = attempt.paper.part1.map((p) => p.question);
    const first = saveAsShown(userId, attempt, [{ itemKey: `p1:${q1.id}`, value: [q1.options[0].id] }, { itemKey: "p3:0", value: "第一次" }]);
    const second = saveAsShown(userId, attempt, [{ itemKey: `p1:${q2.id}`, value: [q2.options[1].id] }, { itemKey: "p3:1", value: "第二次" }]);
    const results = await Promise.all([first, second]);
    expect(results).toMatchObject([{ ok: true }, { ok: true }]);
    expect((await loadAttempt(userId, attempt.id))!.answers).toEqual({
      [`p1:${q1.id}`]: [q1.options[0].id],
      [`p1:${q2.id}`]: [q2.options[1].id],
      "p3:0": "第一次",
      "p3:1": "第二次",
    });

    // A later save carries only what changed: it replaces that item and leaves the others.
    expect(await saveAsShown(userId, attempt, [{ itemKey: "p3:0", value: "改过" }, { itemKey: `p1:${q3.id}`, value: [q3.options[2].id] }])).toMatchObject({ ok: true });
    // The same item twice in one save: the last value sent wins (as it did item by item).
    expect(await saveAsShown(userId, attempt, [{ itemKey: "p3:1", value: "先" }, { itemKey: "p3:1", value: "后" }])).toMatchObject({ ok: true });
    expect((await loadAttempt(userId, attempt.id))!.answers).toEqual({
      [`p1:${q1.id}`]: [q1.options[0].id],
      [`p1:${q2.id}`]: [q2.options[1].id],
      [`p1:${q3.id}`]: [q3.options[2].id],
      "p3:0": "改过",
      "p3:1": "后",
    });
    expect(await db.assessmentAnswer.count({ where: { attemptId: attempt.id } })).toBe(5);
  });

  it("stores times that Prisma reads and compares like its own, and moves last activity", async () => {
    const { userId, attempt } = await openAttempt();
    const saved = await saveAsShown(userId, attempt, [{ itemKey: "p3:2", value: "计划" }]);
    if (!saved.ok) throw new Error(saved.reason);
    const savedAt = new Date(saved.savedAt);
    const row = await db.assessmentAnswer.findFirst({ where: { attemptId: attempt.id, updatedAt: { gte: savedAt, lte: savedAt } } });
    expect(row?.updatedAt).toEqual(savedAt);
    const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
    expect(user.lastActivityAt).toEqual(savedAt);
    expect(user.updatedAt).toEqual(savedAt);
    // Never back: a save older than the last activity leaves it alone.
    const later = new Date(savedAt.getTime() + 3_600_000);
    await db.user.update({ where: { id: userId }, data: { lastActivityAt: later } });
    expect(await saveAsShown(userId, attempt, [{ itemKey: "p3:2", value: "计划二" }])).toMatchObject({ ok: true });
    expect((await db.user.findUniqueOrThrow({ where: { id: userId } })).lastActivityAt).toEqual(later);
  });

  it("reads the paper for an attempt's first save only", async () => {
    const { userId, attempt } = await openAttempt();
    const paperReads = vi.spyOn(db.assessmentAttempt, "findUnique");
    try {
      for (const text of ["一", "一二", "一二三"]) {
        expect(await saveAsShown(userId, attempt, [{ itemKey: "p3:0", value: text }])).toMatchObject({ ok: true });
      }
      expect(paperReads).toHaveBeenCalledTimes(1);
      // A refused save is refused from the cached sheet as well.
      expect(await saveAsShown(userId, attempt, [{ itemKey: "p1:not-on-this-paper", value: [] }])).toMatchObject({ ok: false, reason: "unknown-item" });
      expect(paperReads).toHaveBeenCalledTimes(1);
    } finally {
      paperReads.mockRestore();
    }
    expect((await loadAttempt(userId, attempt.id))!.answers).toEqual({ "p3:0": "一二三" });
  });
});
