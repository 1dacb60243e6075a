import { beforeAll, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { submitWithChoicesRight } from "./support/answers";

// 发布 as a grader's browser calls it: the confirmed attempts and versions, through the action.
const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user, getVerifiedUser: async () => session.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
const { auth } = await import("@/lib/auth/auth");
const { db } = await import("@/lib/db");
const { readAssessment } = await import("@/lib/content/banks");
const { rubricItems } = await import("@/lib/assessment/scoring");
const { gradingQueue, releasedGrades, saveGrade } = await import("@/lib/grading/queries");
const { releaseAction } = await import("@/lib/grading/actions");

const content = readAssessment().content!;
let trainer: CurrentUser;
let n = 0;

beforeAll(async () => {
  const { user } = await auth.api.signUpEmail({ body: { name: "王讲师", email: "release-trainer@example.com", password: "password123" } });
  trainer = { id: user.id, name: user.name, email: user.email, role: "trainer" };
});

/** A submitted attempt finalised with `part3` points in part 3 (part 2's rubric at full marks). */
async function heldAttempt(part3: number) {
  const { user } = await auth.api.signUpEmail({ body: { name: `发布学员${n}`, email: `release${n++}@example.com`, password: "password123" } });
  const attempt = await submitWithChoicesRight(user.id, content);
  const version = await finalise(attempt.id, 0, part3);
  return { userId: user.id, attemptId: attempt.id, name: user.name, version };
}

async function finalise(attemptId: string, version: number, part3: number): Promise<number> {
  const row = await db.assessmentAttempt.findUniqueOrThrow({ where: { id: attemptId }, select: { paper: true } });
  let left = part3;
  const scores = Object.fromEntries(
    rubricItems(JSON.parse(row.paper)).map((item) => {
      const points = item.part === 2 ? item.max : Math.min(item.max, left);
      if (item.part === 3) left -= points;
      return [item.key, { points, comment: "" }];
    }),
  );
  const saved = await saveGrade(trainer.id, { attemptId, version, intent: "finalise", comment: "", scores }, content.config);
  if (!saved.ok) throw new Error(saved.reason);
  return saved.version;
}

const status = async (attemptId: string) => (await db.assessmentAttempt.findUniqueOrThrow({ where: { id: attemptId } })).status;

describe("releaseAction", () => {
  it("is refused to learners and to signed-out callers, with a zh-CN message, changing nothing", async () => {
    const held = await heldAttempt(80);
    const input = { attempts: [{ attemptId: held.attemptId, version: held.version }] };
    session.user = null;
    expect(await releaseAction(input)).toEqual({ ok: false, message: "只有讲师、管理员和有批阅权限的部门负责人可以发布成绩。" });
    session.user = { id: held.userId, name: held.name, email: "x@example.com", role: "learner" };
    expect(await releaseAction(input)).toEqual({ ok: false, message: "只有讲师、管理员和有批阅权限的部门负责人可以发布成绩。" });
    expect(await status(held.attemptId)).toBe("graded");
  });

  it("answers malformed input with a zh-CN refusal, never a throw", async () => {
    session.user = trainer;
    const wrong: unknown[] = [undefined, null, "x", 7, { all: true }, { attempts: [] }, { attempts: [{ attemptId: "a b", version: 1 }] },
      { attempts: [{ attemptId: "abc", version: -1 }] }, { attempts: [{ attemptId: "abc", version: "1" }] }, { attempts: [{ attemptId: "abc", version: 1, extra: 1 }] },
      { attempts: Array.from({ length: 501 }, () => ({ attemptId: "abc", version: 1 })) }];
    for (const input of wrong) {
      const result = await releaseAction(input);
      expect(result.ok, JSON.stringify(input)?.slice(0, 80)).toBe(false);
      expect(result.message).toMatch(/^未发布：[\u4e00-\u9fff]/);
    }
  });

  it("releases a grade only at the version the grader confirmed: a regrade in between is not released unseen", async () => {
    session.user = trainer;
    const held = await heldAttempt(80);
    const regraded = await finalise(held.attemptId, held.version, 20); // another grader lowers it after the dialog opened
    const stale = await releaseAction({ attempts: [{ attemptId: held.attemptId, version: held.version }] });
    expect(stale).toEqual({ ok: false, message: "未发布：成绩在你确认前已被修改或已发布。请刷新页面，核对后再发布。" });
    expect(await status(held.attemptId)).toBe("graded");

    const fresh = await releaseAction({ attempts: [{ attemptId: held.attemptId, version: regraded }] });
    expect(fresh).toEqual({ ok: true, released: 1, message: "已发布 1 份成绩。学员现在可以查看成绩。" });
    expect(await status(held.attemptId)).toBe("released");
    const events = await db.gradeEvent.findMany({ where: { attemptId: held.attemptId, action: "release" } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: trainer.id, outcome: "failed" });

    // A second release of the same grade (two tabs, a double click) publishes nothing new.
    expect((await releaseAction({ attempts: [{ attemptId: held.attemptId, version: regraded }] })).ok).toBe(false);
    expect(await db.gradeEvent.count({ where: { attemptId: held.attemptId, action: "release" } })).toBe(1);
  });

  it("releases a confirmed batch, says how many were left out, and the queue shows what the dialog names", async () => {
    session.user = trainer;
    const a = await heldAttempt(100);
    const b = await heldAttempt(50);
    const queued = (await gradingQueue({ kind: "all" }, "viewer")).held.find((h) => h.id === a.attemptId)!;
    expect(queued).toMatchObject({ gradeVersion: a.version, finalScore: 100, outcome: "certified" });
    const bMoved = await finalise(b.attemptId, b.version, 60);
    const result = await releaseAction({ attempts: [{ attemptId: a.attemptId, version: a.version }, { attemptId: b.attemptId, version: b.version }] });
    expect(result).toEqual({ ok: true, released: 1, message: "已发布 1 份成绩。另有 1 份在你确认前已被修改或已发布，未发布：请刷新页面核对。" });
    expect([await status(a.attemptId), await status(b.attemptId)]).toEqual(["released", "graded"]);
    expect(await db.certificate.count({ where: { attemptId: a.attemptId, revokedAt: null } })).toBe(1);
    expect(bMoved).toBe(b.version + 1);
  });
});

describe("released list", () => {
  it("lists released grades newest first with score, status and who released them; never held or waiting ones", async () => {
    session.user = trainer;
    const older = await heldAttempt(100);
    const newer = await heldAttempt(20);
    const held = await heldAttempt(70);
    await releaseAction({ attempts: [{ attemptId: older.attemptId, version: older.version }] });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await releaseAction({ attempts: [{ attemptId: newer.attemptId, version: newer.version }] });

    const { items, total } = await releasedGrades(50, { kind: "all" });
    const ids = items.map((i) => i.id);
    expect(ids.indexOf(newer.attemptId)).toBeLessThan(ids.indexOf(older.attemptId));
    expect(ids).not.toContain(held.attemptId);
    expect(total).toBe(await db.assessmentAttempt.count({ where: { status: "released" } }));
    expect(items.find((i) => i.id === older.attemptId)).toMatchObject({
      learnerName: older.name,
      learnerEmail: expect.stringMatching(/@example\.com$/),
      finalScore: 100,
      outcome: "certified",
      releasedBy: "王讲师",
      releasedAt: expect.any(Date),
    });
    expect(items.find((i) => i.id === newer.attemptId)).toMatchObject({ outcome: "failed", releasedBy: "王讲师" });
    expect((await releasedGrades(1, { kind: "all" })).items.map((i) => i.id)).toEqual([newer.attemptId]);
  });
});
