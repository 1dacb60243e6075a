import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { assignmentsOfLearner, assignmentStates } from "@/lib/assignments/progress";
import { endOfBeijingDay, startOfBeijingDay } from "@/lib/assignments/status";
import { auth } from "@/lib/auth/auth";
import { loadCourse } from "@/lib/content/load";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { createDepartment, moveDepartment } from "@/lib/departments/queries";
import { markLessonComplete } from "@/lib/progress/queries";

// Who an assignment reaches (a department's subtree, people who join later, people named
// directly) and where each stands, through the same reads the home page and reports use.

const course = loadCourse();
const firstModule = course.modules[0];

let n = 0;
async function person(departmentId: string | null, role = "learner") {
  const { user } = await auth.api.signUpEmail({ body: { name: "学员", email: `assigned${n++}@example.com`, password: "password123" } });
  await db.user.update({ where: { id: user.id }, data: { departmentId, role } });
  return user.id;
}
async function dept(name: string, parentId: string | null = null) {
  const created = await createDepartment(name, parentId);
  if (!created.ok) throw new Error(created.message);
  return created.id;
}
async function assign(scope: string, target: { departmentId?: string; userId?: string }, due = "2026-12-10", moduleSlugs = "") {
  const id = randomUUID();
  await db.assignment.create({
    data: {
      id, title: `任务 ${id.slice(0, 4)}`, scope, moduleSlugs, startsAt: startOfBeijingDay("2026-12-01"), dueAt: endOfBeijingDay(due),
      createdById: "admin", targets: { create: [{ departmentId: target.departmentId ?? null, userId: target.userId ?? null }] },
    },
  });
  return id;
}

describe("assignment states", () => {
  it("reach a department's subtree, later joiners and named people, never trainers", async () => {
    const root = await dept(`公司${randomUUID().slice(0, 6)}`);
    const north = await dept("华北大区", root);
    const beijing = await dept("北京一组", north);
    const east = await dept("华东大区", root);
    const inBeijing = await person(beijing);
    const inEast = await person(east);
    const trainer = await person(beijing, "trainer");
    const named = await person(null);
    const toNorth = await assign("modules", { departmentId: north }, "2026-12-10", firstModule.slug);
    // A later due date than toNorth: pairs come in due-date order (ids are random, so a tie would flake).
    const toNamed = await assign("assessment", { userId: named }, "2026-12-12");
    const now = new Date("2026-12-05T04:00:00Z");

    const pairs = await assignmentStates({ assignmentIds: [toNorth, toNamed], now });
    expect(pairs.map((p) => [p.assignment.id, p.userId])).toEqual([
      [toNorth, inBeijing],
      [toNamed, named],
    ]);
    expect(pairs.every((p) => p.state.status === "not_started")).toBe(true);

    const joiner = await person(beijing);
    expect((await assignmentsOfLearner(joiner, now)).map((p) => p.assignment.id)).toContain(toNorth);
    expect(await assignmentsOfLearner(inEast, now)).toEqual([]);
    expect(await assignmentsOfLearner(trainer, now)).toEqual([]);

    // Moving 华东大区 under 华北大区 brings its people into the assignment.
    expect((await moveDepartment(east, north)).ok).toBe(true);
    expect((await assignmentsOfLearner(inEast, now)).map((p) => p.assignment.id)).toEqual([toNorth]);
  });

  it("counts lessons and the quiz of the chosen modules, and is overdue after the due date", async () => {
    const root = await dept(`公司${randomUUID().slice(0, 6)}`);
    const id = await person(root);
    const assignment = await assign("modules", { departmentId: root }, "2026-12-10", firstModule.slug);
    const lesson = firstModule.lessons[0];
    await markLessonComplete(id, lesson.key, lesson.moduleSlug);
    const [during] = await assignmentStates({ assignmentIds: [assignment], now: new Date("2026-12-05T04:00:00Z") });
    expect(during.state).toMatchObject({ status: "in_progress", done: 1, total: firstModule.lessons.length + 1 });
    const [after] = await assignmentStates({ assignmentIds: [assignment], now: new Date("2026-12-11T04:00:00Z") });
    expect(after.state.status).toBe("overdue");

    for (const l of firstModule.lessons) await markLessonComplete(id, l.key, l.moduleSlug);
    await db.quizAttempt.create({ data: { userId: id, moduleSlug: firstModule.slug, correct: 1, total: 1, score: 100, review: "[]" } });
    const [done] = await assignmentStates({ assignmentIds: [assignment], usersSql: Prisma.sql`u."id" = ${id}`, now: new Date("2026-12-11T04:00:00Z") });
    expect(done.state.status).toBe("completed");
    // Done today (before the due date), so not late even when read after it.
    expect(done.state.late).toBe(false);
  });
});
