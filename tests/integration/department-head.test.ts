import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { submitWithChoicesRight } from "./support/answers";

// A 部门负责人 of 华北大区 calls every staff read, action and route for a learner of 华东大区 and
// is refused or sees nothing; sees the learner of their sub-department 北京一组; grades only with
// 批阅权限 and only their subtree. Staff rights are read from the database on every call (decision
// 010): the session stub returns who is asking, the scope comes from their user row.
const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user, getVerifiedUser: async () => session.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
const { db } = await import("@/lib/db");
const { createDepartment, setDepartmentArchived } = await import("@/lib/departments/queries");
const { scopeOf, graderOrNull } = await import("@/lib/auth/scope");
const { allLearners, dashboardSummary, learnerDashboard, learnerDetail } = await import("@/lib/admin/queries");
const { DEFAULT_FILTERS } = await import("@/lib/admin/schema");
const { changeRoleAction, endSessionsAction } = await import("@/lib/admin/actions");
const { reinstateAction, revokeAction } = await import("@/lib/certificates/actions");
const { attemptsInScope, getGradingView, gradingQueue, releasedGrades, saveGrade } = await import("@/lib/grading/queries");
const { releaseAction, saveGradeAction } = await import("@/lib/grading/actions");
const { GET: exportLearners } = await import("@/app/(site)/admin/export/route");
const { GET: exportItems } = await import("@/app/(site)/analytics/items/export/route");
const { GET: certificatePdf } = await import("@/app/(site)/certificates/[code]/pdf/route");
const { readAssessment } = await import("@/lib/content/banks");
const { rubricItems } = await import("@/lib/assessment/scoring");

const content = readAssessment().content!;
const ids = { north: "", beijing: "", east: "", archived: "" };
const people = {
  admin: { id: "dh-admin", name: "管理员甲", role: "admin" },
  trainer: { id: "dh-trainer", name: "讲师乙", role: "trainer" },
  head: { id: "dh-head", name: "华北负责人", role: "dept_head" },
  loose: { id: "dh-loose", name: "无部门负责人", role: "dept_head" },
  beijing: { id: "dh-beijing", name: "北京学员", role: "learner" },
  east: { id: "dh-east", name: "华东学员", role: "learner" },
} as const;
const attempts = { beijing: "", east: "" };

const as = (who: keyof typeof people) => {
  const { id, name, role } = people[who];
  session.user = { id, name, email: `${id}@example.com`, role };
};
const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
};
const scopeOfHead = async () => (await scopeOf({ ...people.head, email: `${people.head.id}@example.com` }))!;
const csvOf = async () => (await exportLearners(new Request("http://localhost:3000/admin/export"))).text();

/** Finalises an attempt at full marks as the trainer (set-up for release). */
async function finalise(attemptId: string) {
  const row = await db.assessmentAttempt.findUniqueOrThrow({ where: { id: attemptId }, select: { paper: true, gradeVersion: true } });
  const scores = Object.fromEntries(rubricItems(JSON.parse(row.paper)).map((item) => [item.key, { points: item.max, comment: "" }]));
  const saved = await saveGrade(people.trainer.id, { attemptId, version: row.gradeVersion, intent: "finalise", comment: "", scores }, content.config);
  if (!saved.ok) throw new Error(saved.reason);
  return saved.version;
}

beforeAll(async () => {
  const root = await createDepartment("京东商城", null);
  if (!root.ok) throw new Error(root.message);
  for (const [key, name, parent] of [["north", "华北大区", root.id], ["east", "华东大区", root.id], ["archived", "已撤销大区", root.id]] as const) {
    const made = await createDepartment(name, parent);
    if (!made.ok) throw new Error(made.message);
    ids[key] = made.id;
  }
  const beijing = await createDepartment("北京一组", ids.north);
  if (!beijing.ok) throw new Error(beijing.message);
  ids.beijing = beijing.id;
  await setDepartmentArchived(ids.archived, true);

  const departmentOf = { head: ids.north, beijing: ids.beijing, east: ids.east } as Record<string, string>;
  for (const [key, { id, name, role }] of Object.entries(people)) {
    await db.user.create({ data: { id, name, email: `${id}@example.com`, role, departmentId: departmentOf[key] ?? null } });
  }
  attempts.beijing = (await submitWithChoicesRight(people.beijing.id, content)).id;
  attempts.east = (await submitWithChoicesRight(people.east.id, content)).id;
});

describe("a department head's reads", () => {
  it("see their subtree's learners on the dashboard, its summary and the CSV export, nobody else", async () => {
    const scope = await scopeOfHead();
    expect(scope).toMatchObject({ kind: "department", departmentId: ids.north, departmentName: "华北大区", canGrade: false });
    const page = await learnerDashboard(DEFAULT_FILTERS, scope);
    expect(page.rows.map((r) => r.id)).toEqual([people.beijing.id]);
    expect(page.total).toBe(1);
    // A search for the other department's learner finds nothing.
    expect((await learnerDashboard({ ...DEFAULT_FILTERS, q: "华东" }, scope)).total).toBe(0);
    expect((await dashboardSummary(DEFAULT_FILTERS, scope)).learners).toBe(1);
    const exported: string[] = [];
    for await (const batch of allLearners(DEFAULT_FILTERS, scope)) exported.push(...batch.map((r) => r.id));
    expect(exported).toEqual([people.beijing.id]);
    // Trainers and admins still see both.
    expect((await learnerDashboard(DEFAULT_FILTERS, { kind: "all" })).total).toBe(2);
  });

  it("reads a learner outside the subtree exactly like a missing user", async () => {
    const scope = await scopeOfHead();
    expect(await learnerDetail(people.east.id, scope)).toBeNull();
    expect(await learnerDetail("nobody", scope)).toBeNull();
    expect((await learnerDetail(people.beijing.id, scope))?.user.name).toBe("北京学员");
  });

  it("export only their people through the route, and learners get 403", async () => {
    as("head");
    const csv = await csvOf();
    expect(csv).toContain(`${people.beijing.id}@example.com`);
    expect(csv).not.toContain(`${people.east.id}@example.com`);
    as("beijing");
    expect((await exportLearners(new Request("http://localhost:3000/admin/export"))).status).toBe(403);
  });

  it("see no one while they have no department", async () => {
    const scope = (await scopeOf({ ...people.loose, email: "x@example.com" }))!;
    expect(scope).toMatchObject({ kind: "department", departmentId: null });
    expect((await learnerDashboard(DEFAULT_FILTERS, scope)).total).toBe(0);
    expect(await learnerDetail(people.beijing.id, scope)).toBeNull();
    as("loose");
    const csv = await csvOf();
    expect(csv).not.toContain("@example.com");
  });

  it("are refused the item analysis export and every admin-only action", async () => {
    as("head");
    expect((await exportItems(new Request("http://localhost:3000/analytics/items/export"))).status).toBe(403);
    expect(await changeRoleAction(null, form({ userId: people.east.id, role: "dept_head" }))).toEqual({ ok: false, message: "只有管理员可以修改用户角色。" });
    expect(await endSessionsAction(null, form({ userId: people.east.id }))).toMatchObject({ ok: false, message: "只有管理员可以结束用户的登录。" });
    expect(await revokeAction(null, form({ certificateId: "any", reason: "测试" }))).toMatchObject({ ok: false });
    expect((await db.user.findUniqueOrThrow({ where: { id: people.east.id } })).role).toBe("learner");
  });
});

describe("a department head's grading", () => {
  const draft = (attemptId: string) => form({ attemptId, version: "0", intent: "draft", comment: "评语" });

  it("is refused without 批阅权限", async () => {
    as("head");
    expect(await graderOrNull()).toBeNull();
    expect(await saveGradeAction(null, draft(attempts.beijing))).toMatchObject({ ok: false, message: expect.stringContaining("有批阅权限的部门负责人") });
    expect(await releaseAction({ attempts: [{ attemptId: attempts.beijing, version: 0 }] })).toMatchObject({ ok: false });
    expect((await db.assessmentAttempt.findUniqueOrThrow({ where: { id: attempts.beijing } })).gradeVersion).toBe(0);
  });

  it("with 批阅权限 sees and grades their subtree's attempts only", async () => {
    await db.user.update({ where: { id: people.head.id }, data: { canGrade: true } });
    as("head");
    const scope = (await graderOrNull())!.scope;
    const queue = await gradingQueue(scope, "viewer");
    expect(queue.waiting.map((w) => w.id)).toEqual([attempts.beijing]);
    expect(await getGradingView(attempts.east, scope)).toBeNull();
    expect((await getGradingView(attempts.beijing, scope))?.learnerName).toBe("北京学员");
    expect([...(await attemptsInScope([attempts.beijing, attempts.east], scope))]).toEqual([attempts.beijing]);

    // The other department's attempt answers like a missing one, and nothing is written.
    expect(await saveGradeAction(null, draft(attempts.east))).toEqual({ ok: false, message: "找不到这份答卷。" });
    expect((await db.assessmentAttempt.findUniqueOrThrow({ where: { id: attempts.east } })).gradeVersion).toBe(0);
    expect(await saveGradeAction(null, draft(attempts.beijing))).toMatchObject({ ok: true, version: 1 });
  });

  it("releases only their subtree's grades, and sees only those released", async () => {
    const eastVersion = await finalise(attempts.east);
    const beijingVersion = await finalise(attempts.beijing);
    as("head");
    const refused = await releaseAction({ attempts: [{ attemptId: attempts.east, version: eastVersion }] });
    expect(refused).toMatchObject({ ok: false });
    expect((await db.assessmentAttempt.findUniqueOrThrow({ where: { id: attempts.east } })).status).toBe("graded");
    const both = await releaseAction({ attempts: [{ attemptId: attempts.east, version: eastVersion }, { attemptId: attempts.beijing, version: beijingVersion }] });
    expect(both).toMatchObject({ ok: true, released: 1 });
    expect((await db.assessmentAttempt.findUniqueOrThrow({ where: { id: attempts.east } })).status).toBe("graded");

    as("trainer");
    expect(await releaseAction({ attempts: [{ attemptId: attempts.east, version: eastVersion }] })).toMatchObject({ ok: true, released: 1 });
    const scope = (await scopeOfHead());
    expect((await releasedGrades(50, scope)).items.map((i) => i.id)).toEqual([attempts.beijing]);
    expect((await releasedGrades(50, { kind: "all" })).total).toBe(2);
  });

  it("cannot download, revoke or reinstate the other department's certificate", async () => {
    const cert = await db.certificate.findFirstOrThrow({ where: { attemptId: attempts.east } });
    as("head");
    const pdf = await certificatePdf(new NextRequest(`http://localhost:3000/certificates/${cert.code}/pdf`), { params: Promise.resolve({ code: cert.code }) });
    expect(pdf.status).toBe(404);
    expect(await revokeAction(null, form({ certificateId: cert.id, reason: "越权测试" }))).toEqual({ ok: false, message: "只有讲师和管理员可以撤销证书。" });
    expect(await reinstateAction(null, form({ certificateId: cert.id }))).toEqual({ ok: false, message: "只有讲师和管理员可以恢复证书。" });
    expect((await db.certificate.findUniqueOrThrow({ where: { id: cert.id } })).revokedAt).toBeNull();
  });

  it("loses the right at once when the admin takes 批阅权限 away (read from the database)", async () => {
    as("admin");
    expect(await changeRoleAction(null, form({ userId: people.head.id, role: "dept_head", departmentId: ids.north }))).toMatchObject({ ok: true, message: expect.stringContaining("无批阅权限") });
    as("head");
    expect(await graderOrNull()).toBeNull();
  });
});

describe("setting a department and 批阅权限 on /admin/roles", () => {
  const user = () => db.user.findUniqueOrThrow({ where: { id: people.loose.id }, select: { role: true, departmentId: true, canGrade: true } });

  it("sets the department and 批阅权限 of a department head", async () => {
    as("admin");
    const result = await changeRoleAction(null, form({ userId: people.loose.id, role: "dept_head", departmentId: ids.east, canGrade: "on" }));
    expect(result).toMatchObject({ ok: true, message: expect.stringContaining("可批阅本部门答卷") });
    expect(await user()).toEqual({ role: "dept_head", departmentId: ids.east, canGrade: true });
  });

  it("keeps 批阅权限 for department heads only, and 无部门 empties the department", async () => {
    as("admin");
    expect(await changeRoleAction(null, form({ userId: people.loose.id, role: "trainer", departmentId: "", canGrade: "on" }))).toMatchObject({ ok: true });
    expect(await user()).toEqual({ role: "trainer", departmentId: null, canGrade: false });
  });

  it("leaves the department alone when the form does not send one", async () => {
    as("admin");
    await changeRoleAction(null, form({ userId: people.loose.id, role: "dept_head", departmentId: ids.beijing }));
    expect(await changeRoleAction(null, form({ userId: people.loose.id, role: "learner" }))).toMatchObject({ ok: true });
    expect(await user()).toEqual({ role: "learner", departmentId: ids.beijing, canGrade: false });
  });

  it("refuses unknown and archived departments with a clear message, and bad values", async () => {
    as("admin");
    expect(await changeRoleAction(null, form({ userId: people.loose.id, role: "dept_head", departmentId: "no-such-department" }))).toEqual({
      ok: false,
      message: "找不到该部门，可能已被删除。请刷新页面后重新选择。",
    });
    expect(await changeRoleAction(null, form({ userId: people.loose.id, role: "dept_head", departmentId: ids.archived }))).toEqual({
      ok: false,
      message: "该部门已归档，不能加入成员。请选择其他部门。",
    });
    expect(await changeRoleAction(null, form({ userId: people.loose.id, role: "dept_head", departmentId: ids.east, canGrade: "yes" }))).toEqual({
      ok: false,
      message: "批阅权限的值无效",
    });
    expect(await changeRoleAction(null, form({ userId: people.loose.id, role: "dept_head", departmentId: "x".repeat(65) }))).toEqual({ ok: false, message: "部门无效" });
    expect(await user()).toEqual({ role: "learner", departmentId: ids.beijing, canGrade: false });
  });

  it("lets a user already in an archived department keep it", async () => {
    await db.user.update({ where: { id: people.loose.id }, data: { departmentId: ids.archived } });
    as("admin");
    expect(await changeRoleAction(null, form({ userId: people.loose.id, role: "dept_head", departmentId: ids.archived }))).toMatchObject({ ok: true });
    expect(await user()).toEqual({ role: "dept_head", departmentId: ids.archived, canGrade: false });
  });
});
