import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { loadCourse } from "@/lib/content/load";
import { db } from "@/lib/db";
import { createDepartment, setDepartmentArchived } from "@/lib/departments/queries";
import { endOfBeijingDay, startOfBeijingDay } from "@/lib/assignments/status";
import { NOT_A_FORM } from "@/lib/security/input";

// 学习任务 through the admin's form actions, as a browser (or an attacker) calls them: every
// refusal is a zh-CN message and leaves the tables as they were. The acting user and Next's
// redirect/revalidate are stubbed; the rest (queries, states) is the real code on the test database.

const acting = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => acting.user, getVerifiedUser: async () => acting.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
class Redirect extends Error {
  constructor(readonly url: string) {
    super("NEXT_REDIRECT");
  }
}
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new Redirect(url);
  },
  forbidden: () => {
    throw new Error("forbidden");
  },
}));
const { archiveAssignmentAction, createAssignmentAction, updateAssignmentAction } = await import("@/lib/assignments/actions");
const { assignmentDetail, assignmentList } = await import("@/lib/assignments/queries");
const { assignmentsOfLearner } = await import("@/lib/assignments/progress");

const course = loadCourse();
const [firstModule, secondModule] = course.modules;

const as = (id: string, role: CurrentUser["role"]) => {
  acting.user = { id, name: id, email: `${id}@example.com`, role };
};

type Fields = Record<string, string | string[]>;
const form = (fields: Fields) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const value of [v].flat()) data.append(k, value);
  return data;
};

let n = 0;
async function person(departmentId: string | null, role = "learner") {
  const id = `person-${n++}-${randomUUID().slice(0, 6)}`;
  await db.user.create({ data: { id, name: `学员${n}`, email: `${id}@example.com`, role, departmentId } });
  return id;
}
async function dept(name: string, parentId: string | null = null) {
  const created = await createDepartment(name, parentId);
  if (!created.ok) throw new Error(created.message);
  return created.id;
}

/** What a refused action must not have changed. */
const tables = async () => ({
  assignments: await db.assignment.findMany({ orderBy: { id: "asc" } }),
  targets: await db.assignmentTarget.findMany({ orderBy: { id: "asc" } }),
});

/** Saves through the action; the id of the saved assignment from the redirect it answers with. */
async function saved(run: Promise<unknown>): Promise<string> {
  const error = await run.then(
    (result) => {
      throw new Error(`expected a redirect, got ${JSON.stringify(result)}`);
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Redirect);
  const match = /^\/admin\/assignments\/([^/?]+)\?saved=1$/.exec((error as Redirect).url);
  expect(match).not.toBeNull();
  return decodeURIComponent(match![1]);
}

let root: string, north: string, beijing: string, east: string;
const dec5 = new Date("2026-12-05T04:00:00Z");

beforeAll(async () => {
  root = await dept(`公司${randomUUID().slice(0, 6)}`);
  north = await dept("华北大区", root);
  beijing = await dept("北京一组", north);
  east = await dept("华东大区", root);
  await db.user.create({ data: { id: "admin-1", name: "管理员", email: "admin-1@example.com", role: "admin" } });
});

const valid = (over: Fields = {}): Fields => ({
  title: "入职培训",
  scope: "course",
  startDate: "2026-12-01",
  dueDate: "2026-12-10",
  departmentIds: [north, east],
  ...over,
});

describe("creating, editing and archiving 学习任务", () => {
  it("assigns the course to two departments; their sub-departments and later joiners see it, others do not", async () => {
    const inBeijing = await person(beijing);
    const elsewhere = await person(null);
    as("admin-1", "admin");
    const id = await saved(createAssignmentAction(null, form(valid({ title: "  入职\n\t培训  " }))));

    const row = await db.assignment.findUniqueOrThrow({ where: { id }, include: { targets: true } });
    expect(row).toMatchObject({ title: "入职 培训", scope: "course", moduleSlugs: "", createdById: "admin-1" });
    expect(row.startsAt).toEqual(startOfBeijingDay("2026-12-01"));
    expect(row.dueAt).toEqual(endOfBeijingDay("2026-12-10"));
    expect(row.targets.map((t) => t.departmentId).sort()).toEqual([north, east].sort());

    expect((await assignmentsOfLearner(inBeijing, dec5)).map((s) => s.assignment.id)).toContain(id);
    expect((await assignmentsOfLearner(elsewhere, dec5)).map((s) => s.assignment.id)).not.toContain(id);
    // Someone who joins a sub-department after the assignment was made.
    const joiner = await person(null);
    await db.user.update({ where: { id: joiner }, data: { departmentId: beijing } });
    const [state] = (await assignmentsOfLearner(joiner, dec5)).filter((s) => s.assignment.id === id);
    expect(state.state).toMatchObject({ status: "not_started", done: 0 });

    const listed = (await assignmentList(dec5)).find((a) => a.id === id)!;
    expect(listed.counts).toMatchObject({ assigned: 2, completed: 0, overdue: 0 });
    expect(listed.targets.departments.map((d) => d.name).sort()).toEqual([expect.stringContaining("华东大区"), expect.stringContaining("华北大区")].sort());
    const detail = await assignmentDetail(id, { now: new Date("2026-12-11T04:00:00Z") });
    expect(detail!.people.map((p) => [p.userId, p.status]).sort()).toEqual([[inBeijing, "overdue"], [joiner, "overdue"]].sort());
  });

  it("edits modules, dates and targets, and names people directly", async () => {
    const named = await person(null);
    const inEast = await person(east);
    as("admin-1", "admin");
    const id = await saved(createAssignmentAction(null, form(valid({ departmentIds: [east] }))));
    await saved(
      updateAssignmentAction(
        null,
        form({ id, title: "模块复习", scope: "modules", moduleSlugs: [firstModule.slug, secondModule.slug], startDate: "2026-12-02", dueDate: "2026-12-20", userIds: [named] }),
      ),
    );
    const row = await db.assignment.findUniqueOrThrow({ where: { id }, include: { targets: true } });
    expect(row).toMatchObject({ title: "模块复习", scope: "modules", moduleSlugs: `${firstModule.slug},${secondModule.slug}` });
    expect(row.dueAt).toEqual(endOfBeijingDay("2026-12-20"));
    expect(row.targets.map((t) => [t.departmentId, t.userId])).toEqual([[null, named]]);
    expect((await assignmentsOfLearner(named, dec5)).map((s) => s.assignment.id)).toContain(id);
    expect((await assignmentsOfLearner(inEast, dec5)).map((s) => s.assignment.id)).not.toContain(id);
    // A scope without modules stores none, whatever the form sent.
    await saved(updateAssignmentAction(null, form({ id, title: "结业", scope: "assessment", moduleSlugs: firstModule.slug, startDate: "2026-12-02", dueDate: "2026-12-20", userIds: named })));
    expect(await db.assignment.findUniqueOrThrow({ where: { id } })).toMatchObject({ scope: "assessment", moduleSlugs: "" });
  });

  it("archives (learners stop seeing it, no edits) and restores", async () => {
    const learner = await person(north);
    as("admin-1", "admin");
    const id = await saved(createAssignmentAction(null, form(valid({ departmentIds: north }))));
    expect(await archiveAssignmentAction(null, form({ id, archived: "true" }))).toMatchObject({ ok: true, message: expect.stringContaining("已归档") });
    expect((await assignmentsOfLearner(learner, dec5)).map((s) => s.assignment.id)).not.toContain(id);
    expect((await assignmentList(dec5)).find((a) => a.id === id)).toMatchObject({ archivedAt: expect.any(Date), counts: null });
    const before = await tables();
    expect(await updateAssignmentAction(null, form(valid({ id })))).toEqual({ ok: false, message: "该学习任务已归档，恢复后才能修改。" });
    expect(await tables()).toEqual(before);
    expect(await archiveAssignmentAction(null, form({ id, archived: "false" }))).toMatchObject({ ok: true, message: expect.stringContaining("已恢复") });
    expect((await assignmentsOfLearner(learner, dec5)).map((s) => s.assignment.id)).toContain(id);
  });
});

describe("hostile and wrong input is refused in zh-CN, with no write", () => {
  it("refuses non-admins and strangers", async () => {
    const id = (await db.assignment.findFirstOrThrow({ select: { id: true } })).id;
    const before = await tables();
    for (const role of ["trainer", "learner", "dept_head"] as const) {
      as(`${role}-x`, role);
      expect(await createAssignmentAction(null, form(valid()))).toEqual({ ok: false, message: "只有管理员可以管理学习任务。" });
      expect(await updateAssignmentAction(null, form(valid({ id })))).toEqual({ ok: false, message: "只有管理员可以管理学习任务。" });
      expect(await archiveAssignmentAction(null, form({ id, archived: "true" }))).toEqual({ ok: false, message: "只有管理员可以管理学习任务。" });
    }
    acting.user = null;
    expect(await createAssignmentAction(null, form(valid()))).toMatchObject({ ok: false });
    expect(await tables()).toEqual(before);
  });

  it("refuses bad fields with a message naming the problem", async () => {
    as("admin-1", "admin");
    const trainer = await person(north, "trainer");
    const archived = await dept("已撤销小组", root);
    await setDepartmentArchived(archived, true);
    const before = await tables();
    const cases: [FormData, string | RegExp][] = [
      [form(valid({ dueDate: "2026-11-30" })), "截止日期不能早于开始日期"],
      [form(valid({ departmentIds: [north, "no-such-department"] })), "所选部门不存在，可能已被删除。请刷新页面后重新选择。"],
      [form(valid({ departmentIds: archived })), "所选部门中有已归档的部门，不能指派学习任务。"],
      [form(valid({ scope: "modules", moduleSlugs: ["not-a-module"] })), "所选模块不是本课程的模块，请刷新页面后重新选择。"],
      [form(valid({ scope: "modules" })), "请至少选择一个模块"],
      [form(valid({ scope: "everything" })), "请选择学习内容：整门课程、指定模块或结业考核"],
      [form(valid({ departmentIds: [] })), "请至少选择一个部门或一名学员"],
      [form(valid({ departmentIds: [], userIds: "nobody" })), "所选学员不存在，可能已被删除。请刷新页面后重新选择。"],
      [form(valid({ departmentIds: [], userIds: trainer })), /^「学员\d+」是讲师或管理员，学习任务只能指派给学员和部门负责人。$/],
      [form(valid({ startDate: "2026-02-30" })), "开始日期不是有效的日期"],
      [form(valid({ dueDate: "next friday" })), "截止日期格式应为 年-月-日"],
      [form(valid({ title: " " })), "请填写任务名称"],
      [form(valid({ title: "长".repeat(81) })), "任务名称不能超过 80 个字"],
      [form(valid({ title: "入职\u202e培训" })), "任务名称不能包含控制字符或不可见字符"],
      [form(valid({ title: "入职\u0000培训" })), "任务名称不能包含控制字符或不可见字符"],
    ];
    for (const [input, message] of cases) {
      expect(await createAssignmentAction(null, input)).toEqual({ ok: false, message: typeof message === "string" ? message : expect.stringMatching(message) });
    }
    const file = form(valid());
    file.set("title", new File(["x"], "title.txt"));
    expect(await createAssignmentAction(null, file)).toMatchObject({ ok: false, message: expect.any(String) });
    for (const action of [createAssignmentAction, updateAssignmentAction, archiveAssignmentAction]) {
      for (const notAForm of ["title=x", { title: "x", id: "x", archived: "true" }, undefined]) {
        expect(await action(null, notAForm as unknown as FormData)).toEqual({ ok: false, message: NOT_A_FORM });
      }
    }
    const missing = await updateAssignmentAction(null, form(valid({ id: "no-such-assignment" })));
    expect(missing).toEqual({ ok: false, message: "学习任务不存在，可能已被删除。请刷新页面。" });
    expect(await updateAssignmentAction(null, form(valid()))).toEqual({ ok: false, message: "请求无效：缺少任务编号。" });
    expect(await archiveAssignmentAction(null, form({ id: "no-such-assignment", archived: "true" }))).toMatchObject({ ok: false, message: expect.stringContaining("不存在") });
    expect(await archiveAssignmentAction(null, form({ id: "x", archived: "maybe" }))).toMatchObject({ ok: false });
    expect(await tables()).toEqual(before);
  });

  it("ignores hostile field names: only the form's own fields are read", async () => {
    as("admin-1", "admin");
    const data = form(valid({ departmentIds: north }));
    data.append("__proto__", "polluted");
    data.append("createdById", "someone-else");
    data.append("archivedAt", "2020-01-01");
    const id = await saved(createAssignmentAction(null, data));
    expect(await db.assignment.findUniqueOrThrow({ where: { id } })).toMatchObject({ createdById: "admin-1", archivedAt: null });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("the form's people search (GET /admin/assignments/people)", () => {
  const search = async (q: string) => (await import("@/app/(site)/admin/assignments/people/route")).GET(new Request(`http://localhost:3000/admin/assignments/people?q=${encodeURIComponent(q)}`));

  it("finds learners by name or email for admins only, never staff", async () => {
    const learner = await person(beijing);
    await db.user.update({ where: { id: learner }, data: { name: "搜索对象甲" } });
    const trainer = await person(beijing, "trainer");
    await db.user.update({ where: { id: trainer }, data: { name: "搜索对象乙" } });
    as("admin-1", "admin");
    const res = await search("搜索对象");
    expect(res.status).toBe(200);
    const body = (await res.json()) as { people: { id: string; department: string | null }[] };
    expect(body.people.map((p) => p.id)).toEqual([learner]);
    expect(body.people[0].department).toContain("北京一组");
    expect((await search(" ")).status).toBe(400);
    expect(await (await search("x".repeat(101))).json()).toEqual({ message: "搜索词不能超过 100 个字" });
    as("trainer-x", "trainer");
    expect((await search("搜索对象")).status).toBe(403);
  });
});
