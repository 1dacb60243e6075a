import { randomUUID } from "node:crypto";
import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { allLearners, dashboardSummary, learnerDashboard } from "@/lib/admin/queries";
import { DEFAULT_FILTERS } from "@/lib/admin/schema";
import { drawPaper } from "@/lib/assessment/paper";
import { scopeOf } from "@/lib/auth/scope";
import { readAssessment } from "@/lib/content/banks";
import { loadCourse } from "@/lib/content/load";
import { db } from "@/lib/db";
import { createDepartment } from "@/lib/departments/queries";
import { departmentReport, reportAssignments } from "@/lib/reports/queries";
import type { ReportRow } from "@/lib/reports/rollup";

// The department report on a small company with known learners: roll-up of sub-departments,
// 学习任务 states (an overdue learner counted in their department), exam results, a department
// head's scope, and the CSV/XLSX exports through their route handler.

const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user, getVerifiedUser: async () => session.user }));
const { GET: exportReport } = await import("@/app/(site)/admin/reports/export/route");
const { GET: exportLearners } = await import("@/app/(site)/admin/export/route");

const course = loadCourse();
const firstModule = course.modules[0];
const NOW = Date.now();
const DAY = 86_400_000;
const paper = JSON.stringify(drawPaper(readAssessment().content!, "report-test"));

let n = 0;
async function person(name: string, departmentId: string | null, role = "learner") {
  const id = `report-user-${n++}`;
  await db.user.create({ data: { id, name, email: `${id}@example.com`, role, departmentId } });
  return id;
}
async function dept(name: string, parentId: string | null = null) {
  const created = await createDepartment(name, parentId);
  if (!created.ok) throw new Error(created.message);
  return created.id;
}
async function released(userId: string, final: number, outcome: string) {
  const submittedAt = new Date(NOW - 5 * DAY);
  await db.assessmentAttempt.create({
    data: {
      userId, number: 1, seed: "s", status: "released", paper, startedAt: new Date(submittedAt.getTime() - 3_600_000), deadlineAt: submittedAt, submittedAt,
      part1Score: final + 10, part2Score: final, part3Score: final - 10, finalScore: final, outcome, releasedAt: new Date(NOW - DAY),
    },
  });
}

const ids = {} as Record<"root" | "north" | "beijing" | "east" | "overdue" | "done" | "certified" | "failed" | "loose" | "head", string>;
const admin: CurrentUser = { id: "report-admin", name: "管理员", email: "report-admin@example.com", role: "admin" };

beforeAll(async () => {
  await db.user.create({ data: { ...admin } });
  ids.root = await dept(`京东商城${randomUUID().slice(0, 4)}`);
  ids.north = await dept("华北大区", ids.root);
  ids.beijing = await dept("北京一组", ids.north);
  ids.east = await dept("华东大区", ids.root);
  ids.overdue = await person("逾期学员", ids.beijing);
  ids.done = await person("完成学员", ids.beijing);
  ids.certified = await person("获证学员", ids.east);
  ids.failed = await person("未通过学员", ids.east);
  ids.loose = await person("无部门学员", null);
  ids.head = await person("华北负责人", ids.north, "dept_head");
  // Module 1 for 华北大区, due yesterday: one learner finished it in time, the other never started.
  await db.assignment.create({
    data: {
      id: "report-a1", title: "模块一必修", scope: "modules", moduleSlugs: firstModule.slug, startsAt: new Date(NOW - 10 * DAY), dueAt: new Date(NOW - DAY),
      createdById: admin.id, targets: { create: [{ departmentId: ids.north }] },
    },
  });
  const doneAt = new Date(NOW - 3 * DAY);
  await db.lessonProgress.createMany({ data: firstModule.lessons.map((l) => ({ userId: ids.done, lessonKey: l.key, moduleSlug: firstModule.slug, completedAt: doneAt })) });
  await db.quizAttempt.create({ data: { userId: ids.done, moduleSlug: firstModule.slug, correct: 8, total: 10, score: 80, review: "[]", submittedAt: doneAt } });
  await released(ids.certified, 90, "certified");
  await released(ids.failed, 50, "failed");
});

const ALL = { kind: "all" } as const;
const byName = (rows: ReportRow[]) => new Map(rows.map((r) => [r.name, r]));

describe("department report", () => {
  it("rolls sub-departments up into their parents, with 学习任务 and exam figures", async () => {
    const { rows } = await departmentReport({ kind: "all" }, {});
    const mine = rows.filter((r) => r.names[0] === rows.find((x) => x.id === ids.root)!.name || r.id === null);
    expect(mine.map((r) => [r.name, r.depth])).toEqual([[mine[0].name, 0], ["华北大区", 1], ["北京一组", 2], ["华东大区", 1], ["未分配部门", 0]]);
    const rows_ = byName(mine);
    expect(rows_.get("北京一组")).toMatchObject({ learners: 2, assigned: 2, started: 1, completed: 1, overdue: 1, submitted: 0, passed: 0 });
    expect(rows_.get("华北大区")).toMatchObject({ learners: 2, assigned: 2, completed: 1, overdue: 1 });
    expect(rows_.get("华东大区")).toMatchObject({ learners: 2, assigned: 0, submitted: 2, passed: 1, certified: 1, averages: { final: 70, part1: 80, part2: 70, part3: 60 } });
    expect(mine[0]).toMatchObject({ learners: 4, assigned: 2, overdue: 1, completed: 1, submitted: 2, passed: 1, certified: 1, hasChildren: true });
    expect(rows_.get("未分配部门")).toMatchObject({ learners: 1, assigned: 0 });
  });

  it("narrows to one 学习任务's learners and starts from a chosen department", async () => {
    const one = await departmentReport({ kind: "all" }, { assignment: "report-a1" });
    expect(one.assignment?.title).toBe("模块一必修");
    expect(byName(one.rows).get("华东大区")).toMatchObject({ learners: 0 });
    expect(byName(one.rows).get("北京一组")).toMatchObject({ learners: 2, overdue: 1 });
    const drill = await departmentReport({ kind: "all" }, { department: ids.north });
    expect(drill.rows.map((r) => [r.name, r.depth])).toEqual([["华北大区", 0], ["北京一组", 1]]);
    const unknown = await departmentReport({ kind: "all" }, { department: "no-such", assignment: "no-such" });
    expect(unknown.notes).toHaveLength(2);
  });

  it("shows a department head only their subtree, even for a department guessed by hand", async () => {
    const scope = (await scopeOf({ id: ids.head, name: "华北负责人", email: "", role: "dept_head" }))!;
    const report = await departmentReport(scope, {});
    expect(report.rows.map((r) => r.name)).toEqual(["华北大区", "北京一组"]);
    expect(report.rows[0]).toMatchObject({ depth: 0, learners: 2, overdue: 1 });
    const guessed = await departmentReport(scope, { department: ids.east });
    expect(guessed.rows.map((r) => r.name)).toEqual(["华北大区", "北京一组"]);
    expect(guessed.notes[0]).toContain("不在你的查看范围内");
  });

  it("lists for a department head only the 学习任务 that reach their subtree, and ignores another one in the URL", async () => {
    const scope = (await scopeOf({ id: ids.head, name: "华北负责人", email: "", role: "dept_head" }))!;
    await db.assignment.create({
      data: {
        id: "report-east", title: "华东专属任务", scope: "course", startsAt: new Date(NOW - DAY), dueAt: new Date(NOW + 9 * DAY),
        createdById: admin.id, targets: { create: [{ departmentId: ids.east }] },
      },
    });
    await db.assignment.create({
      data: {
        id: "report-company", title: "全公司任务", scope: "assessment", startsAt: new Date(NOW - DAY), dueAt: new Date(NOW + 9 * DAY),
        createdById: admin.id, targets: { create: [{ departmentId: ids.root }] },
      },
    });
    try {
      const titles = (await reportAssignments(scope)).map((a) => a.title);
      expect(titles).toContain("模块一必修");
      expect(titles).toContain("全公司任务"); // aimed above the subtree: it reaches their people
      expect(titles).not.toContain("华东专属任务");
      expect((await reportAssignments(ALL)).map((a) => a.title)).toContain("华东专属任务");
      const guessed = await departmentReport(scope, { assignment: "report-east" });
      expect(guessed.assignment).toBeNull();
      expect(guessed.notes.join("")).toContain("学习任务");
    } finally {
      await db.assignment.deleteMany({ where: { id: { in: ["report-east", "report-company"] } } });
    }
  });

  it("exports the same rows as CSV (BOM, zh-CN header) and XLSX, scoped, and refuses learners and bad formats", async () => {
    session.user = admin;
    const csv = await exportReport(new Request(`http://x/admin/reports/export?format=csv&department=${ids.north}`));
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // Response.text() would drop it
    const records = parse(new TextDecoder().decode(bytes)) as string[][];
    expect(records[0].slice(0, 8)).toEqual(["部门", "层级", "人数", "已分配", "已开始", "已完成", "已逾期", "已提交考核"]);
    expect(records.slice(1).map((r) => r.slice(2, 7))).toEqual([["2", "2", "1", "1", "1"], ["2", "2", "1", "1", "1"]]);
    expect(records[2][0]).toMatch(/京东商城.* \/ 华北大区 \/ 北京一组$/);

    const xlsx = await exportReport(new Request("http://x/admin/reports/export?format=xlsx"));
    expect(xlsx.headers.get("content-disposition")).toContain(".xlsx");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer());
    const sheet = book.getWorksheet("部门报表")!;
    expect(sheet.getRow(1).getCell(3).value).toBe("人数");
    const values = sheet.getSheetValues().slice(2).map((r) => (r as unknown[]).slice(1));
    const east = values.find((r) => String(r[0]).endsWith("华东大区"))!;
    expect(east.slice(2)).toEqual([2, 0, 0, 0, 0, 2, 1, 1, 70, 80, 70, 60]);

    session.user = { id: ids.head, name: "华北负责人", email: "", role: "dept_head" };
    const scoped = parse(await (await exportReport(new Request("http://x/admin/reports/export?format=csv"))).text()) as string[][];
    expect(scoped.slice(1).map((r) => r[0].split(" / ").at(-1))).toEqual(["华北大区", "北京一组"]);

    expect((await exportReport(new Request("http://x/admin/reports/export?format=pdf"))).status).toBe(400);
    // Names the export does not know are ignored, whatever they are called.
    const odd = await exportReport(new Request("http://x/admin/reports/export?__proto__=x&constructor=y&format=csv&format=xlsx"));
    expect(odd.status).toBe(200);
    expect(odd.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    session.user = { id: ids.overdue, name: "逾期学员", email: "", role: "learner" };
    const refused = await exportReport(new Request("http://x/admin/reports/export?format=xlsx"));
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain("没有访问权限");
    session.user = null;
  });
});

describe("dashboard department and 学习任务 filters", () => {
  it("filter by a department's subtree and by 学习任务 status, and show both on each row", async () => {
    const north = await learnerDashboard({ ...DEFAULT_FILTERS, dept: ids.north }, ALL);
    expect(north.rows.map((r) => r.name).sort()).toEqual(["完成学员", "逾期学员"]);
    const late = await learnerDashboard({ ...DEFAULT_FILTERS, task: "overdue" }, ALL);
    expect(late.rows.map((r) => r.name)).toEqual(["逾期学员"]);
    expect(late.rows[0].department).toMatch(/ \/ 华北大区 \/ 北京一组$/);
    expect(late.rows[0].tasks).toMatchObject({ status: "overdue", assigned: 1, overdue: 1 });
    expect((await learnerDashboard({ ...DEFAULT_FILTERS, task: "completed", dept: ids.beijing }, ALL)).rows.map((r) => r.name)).toEqual(["完成学员"]);
    expect((await learnerDashboard({ ...DEFAULT_FILTERS, task: "overdue", dept: ids.east }, ALL)).total).toBe(0);
    expect((await learnerDashboard({ ...DEFAULT_FILTERS, assignment: "report-a1" }, ALL)).total).toBe(2);
    expect((await dashboardSummary({ ...DEFAULT_FILTERS, dept: ids.root }, ALL)).learners).toBe(4);
    // A department head filtering by another department, or by status, sees only their own people.
    const head = (await scopeOf({ id: ids.head, name: "华北负责人", email: "", role: "dept_head" }))!;
    expect((await learnerDashboard({ ...DEFAULT_FILTERS, dept: ids.east }, head)).total).toBe(0);
    expect((await learnerDashboard({ ...DEFAULT_FILTERS, task: "overdue" }, head)).rows.map((r) => r.name)).toEqual(["逾期学员"]);
    expect((await dashboardSummary({ ...DEFAULT_FILTERS, dept: ids.root }, head)).learners).toBe(2);
    const all = [];
    for await (const batch of allLearners({ ...DEFAULT_FILTERS, dept: ids.east }, ALL)) all.push(...batch);
    expect(all.map((r) => [r.name, r.tasks])).toEqual(expect.arrayContaining([["获证学员", null], ["未通过学员", null]]));
  });

  it("puts the department and an overdue 学习任务 into the dashboard CSV", async () => {
    session.user = admin;
    const res = await exportLearners(new Request(`http://x/admin/export?dept=${ids.north}`));
    const records = parse(await res.text()) as string[][];
    const header = records[0];
    const late = records.find((r) => r[0] === "逾期学员")!;
    expect(late[header.indexOf("部门")]).toMatch(/华北大区 \/ 北京一组$/);
    expect(late[header.indexOf("学习任务状态")]).toBe("已逾期");
    expect(records).toHaveLength(3);
    session.user = null;
  });
});
