import { beforeAll, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { loadCourse } from "@/lib/content/load";
import { lessonSequence } from "@/lib/content/navigation";
import type { StaffScope } from "@/lib/auth/scope";
import { allLearners, dashboardSummary, learnerDashboard, learnerDetail } from "@/lib/admin/queries";
import { DEFAULT_FILTERS, type DashboardFilters } from "@/lib/admin/schema";
import { drawPaper } from "@/lib/assessment/paper";
import { readAssessment } from "@/lib/content/banks";
import { backfill } from "@/scripts/backfill";

// The export route asks who is signed in; tests say it directly.
const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user, getVerifiedUser: async () => session.user }));
const { GET: exportCsv } = await import("@/app/(site)/admin/export/route");

const course = loadCourse();
const keys = lessonSequence(course).map((l) => l.key);
const [firstModule, secondModule] = course.modules;
const NOW = Date.now();
const at = (daysAgo: number) => new Date(NOW - daysAgo * 86_400_000);
const dayOf = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

let n = 0;
async function person(name: string, role = "learner", email = `p${n}@example.com`) {
  const id = `user-${n++}`;
  await db.user.create({ data: { id, name, email, role, createdAt: at(100) } });
  return id;
}
async function lessons(userId: string, count: number, when: Date, offset = 0) {
  await db.lessonProgress.createMany({
    data: keys.slice(offset, offset + count).map((lessonKey) => ({ userId, lessonKey, moduleSlug: lessonKey.split("/")[0], completedAt: when })),
  });
}
async function quiz(userId: string, moduleSlug: string, score: number, when: Date) {
  await db.quizAttempt.create({ data: { userId, moduleSlug, correct: score / 10, total: 10, score, review: "[]", submittedAt: when } });
}
type AttemptSeed = { number?: number; status: string; final?: number; outcome?: string; submittedAt?: Date; deadlineAt?: Date; startedAt?: Date };
const paper = JSON.stringify(drawPaper(readAssessment().content!, "admin-test"));
async function attempt(userId: string, a: AttemptSeed) {
  const startedAt = a.startedAt ?? new Date((a.submittedAt ?? at(1)).getTime() - 3_600_000);
  return db.assessmentAttempt.create({
    data: {
      userId, number: a.number ?? 1, seed: "s", status: a.status, paper, startedAt,
      deadlineAt: a.deadlineAt ?? new Date(startedAt.getTime() + 7_200_000), submittedAt: a.submittedAt ?? null,
      part1Score: a.submittedAt ? 80 : null, part2Score: a.final ?? null, part3Score: a.final ?? null, finalScore: a.final ?? null, outcome: a.outcome ?? null,
    },
  });
}

const ids: Record<string, string> = {};

beforeAll(async () => {
  await person("讲师甲", "trainer");
  await person("管理员乙", "admin");
  ids.zhang = await person("张三", "learner", "zhang@example.com"); // finished everything, certified
  await lessons(ids.zhang, keys.length, at(30));
  await quiz(ids.zhang, firstModule.slug, 60, at(29));
  await quiz(ids.zhang, firstModule.slug, 90, at(28));
  await quiz(ids.zhang, secondModule.slug, 70, at(28));
  await attempt(ids.zhang, { status: "released", final: 92.34, outcome: "certified", submittedAt: at(20) });

  ids.li = await person("李四", "learner", "Li.Si@Example.com"); // failed once, retaking now
  await lessons(ids.li, keys.length, at(40));
  await attempt(ids.li, { number: 1, status: "released", final: 60, outcome: "failed", submittedAt: at(10) });
  const open = await attempt(ids.li, { number: 2, status: "in_progress", startedAt: at(2), deadlineAt: new Date(NOW + 3_600_000) });
  await db.assessmentAnswer.create({ data: { attemptId: open.id, itemKey: "p3:0", value: '"草稿"' } }); // updatedAt = now

  ids.wang = await person("王五"); // submitted, waiting for a grader; score shown truncated
  await lessons(ids.wang, firstModule.lessons.length, at(15));
  await attempt(ids.wang, { status: "graded", final: 74.96, submittedAt: at(5) });

  ids.zhao = await person("赵六"); // time ran out with nobody watching: counts as submitted
  await lessons(ids.zhao, 2, at(50));
  await lessons(ids.zhao, 0, at(50));
  await attempt(ids.zhao, { status: "in_progress", startedAt: at(3), deadlineAt: at(2.9) });

  ids.qian = await person("钱七"); // passed
  await lessons(ids.qian, keys.length, at(60));
  await attempt(ids.qian, { status: "released", final: 75, outcome: "passed", submittedAt: at(45) });

  ids.sun = await person("孙八 100%_real"); // one lesson of a removed lesson only: 0% progress
  await db.lessonProgress.create({ data: { userId: ids.sun, lessonKey: "gone/old-lesson", moduleSlug: "gone", completedAt: at(70) } });

  // Bulk learners for paging: no activity at all.
  for (let i = 0; i < 24; i++) await person(`批量学员${String(i).padStart(2, "0")}`);
  // The rows above are written directly, not by the app's writes that keep user.lastActivityAt:
  // the back-fill derives it from them, as it does for data older than the column.
  await backfill();
});

// Trainers and admins see every learner (tests/integration/department-head.test.ts: a department head).
const ALL: StaffScope = { kind: "all" };
const query = (f: Partial<DashboardFilters>) => learnerDashboard({ ...DEFAULT_FILTERS, ...f }, ALL, new Date(NOW));
const names = async (f: Partial<DashboardFilters>) => (await query(f)).rows.map((r) => r.name);

describe("admin dashboard", () => {
  it("lists learners only, 25 per page, most recently active first and the inactive last", async () => {
    const page1 = await query({});
    expect(page1.total).toBe(30);
    expect(page1.totalPages).toBe(2);
    expect(page1.rows).toHaveLength(25);
    expect(page1.rows.map((r) => r.name).slice(0, 6)).toEqual(["李四", "赵六", "王五", "张三", "钱七", "孙八 100%_real"]);
    expect(page1.rows.some((r) => r.name.startsWith("讲师") || r.name.startsWith("管理员"))).toBe(false);
    const page2 = await query({ page: 2 });
    expect(page2.rows).toHaveLength(5);
    expect(page2.rows.at(-1)?.name).toBe("批量学员23");
    const beyond = await query({ page: 9 });
    expect(beyond.rows).toEqual([]);
    expect(beyond.total).toBe(30);
  });

  it("computes each column in the database", async () => {
    const { rows } = await query({ q: "张三" });
    expect(rows).toHaveLength(1);
    const zhang = rows[0];
    expect(zhang.progress).toEqual({ done: keys.length, total: keys.length, percent: 100 });
    expect(zhang.quizBest).toEqual({ [firstModule.slug]: 90, [secondModule.slug]: 70 });
    expect(zhang.attempts).toBe(1);
    expect(zhang.latest).toMatchObject({ number: 1, part1: 80, final: 92.34 });
    expect(zhang.state).toBe("certified");
    expect(zhang.lastActivityAt?.getTime()).toBe(at(20).getTime());

    const [li] = (await query({ q: "李四" })).rows;
    expect(li.state).toBe("in_progress");
    expect(li.attempts).toBe(2);
    expect(li.latest).toMatchObject({ number: 1, final: 60 }); // scores of the latest submitted attempt
    expect(li.lastActivityAt!.getTime()).toBeGreaterThan(at(0.1).getTime()); // the draft saved just now

    const [sun] = (await query({ q: "孙八" })).rows;
    expect(sun.progress.done).toBe(0); // the removed lesson does not count
    expect(sun.state).toBe("not_started");
  });

  it("filters by status, including an expired attempt as 待批阅", async () => {
    expect(await names({ status: "certified" })).toEqual(["张三"]);
    expect(await names({ status: "passed" })).toEqual(["钱七"]);
    expect(await names({ status: "failed" })).toEqual([]);
    expect(await names({ status: "in_progress" })).toEqual(["李四"]);
    expect(await names({ status: "pending", sort: "name", dir: "asc" })).toEqual(["王五", "赵六"].sort());
    expect((await query({ status: "not_started" })).total).toBe(25);
  });

  it("filters by final score the way scores are shown (truncated)", async () => {
    expect(await names({ min: 75, sort: "score" })).toEqual(["张三", "钱七"]);
    expect(await names({ max: 74.9, sort: "score" })).toEqual(["王五", "李四"]); // 74.96 shows as 74.9
    expect(await names({ min: 60, max: 75, sort: "score", dir: "asc" })).toEqual(["李四", "王五", "钱七"]);
  });

  it("filters by a China-time date range of last activity or of submission", async () => {
    const day = dayOf(at(20));
    expect(await names({ from: day, to: day })).toEqual(["张三"]);
    expect(await names({ dateField: "submitted", from: dayOf(at(6)), sort: "name", dir: "asc" })).toEqual(["王五", "赵六"].sort());
    expect(await names({ dateField: "submitted", to: dayOf(at(11)), sort: "score" })).toEqual(["张三", "钱七"]);
  });

  it("filters by module completion", async () => {
    expect(await names({ module: secondModule.slug, moduleState: "done", sort: "name", dir: "asc" })).toEqual(["张三", "李四", "钱七"].sort());
    expect(await names({ module: firstModule.slug, moduleState: "done", sort: "name", dir: "asc" })).toEqual(["张三", "李四", "王五", "钱七"].sort());
    const notDone = await query({ module: firstModule.slug, moduleState: "not_done" });
    expect(notDone.total).toBe(26);
    expect(notDone.rows.map((r) => r.name)).toContain("赵六");
  });

  it("searches name or email, case-blind, with % and _ taken literally", async () => {
    expect(await names({ q: "li.si@EXAMPLE" })).toEqual(["李四"]);
    expect(await names({ q: "100%_" })).toEqual(["孙八 100%_real"]);
    expect(await names({ q: "0%x" })).toEqual([]);
    expect((await query({ q: "批量" })).total).toBe(24);
  });

  it("sorts by name, progress and score in both directions, missing values last", async () => {
    const byName = (await query({ sort: "name", dir: "asc" })).rows.map((r) => r.name);
    expect(byName).toEqual([...byName].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const progress = (await query({ sort: "progress", dir: "desc" })).rows.map((r) => r.progress.done);
    expect(progress).toEqual([...progress].sort((a, b) => b - a));
    expect((await names({ sort: "score", dir: "desc" })).slice(0, 5)).toEqual(["张三", "钱七", "王五", "李四", expect.any(String)]);
    expect((await names({ sort: "score", dir: "asc" })).slice(0, 4)).toEqual(["李四", "王五", "钱七", "张三"]);
    expect((await names({ sort: "activity", dir: "asc" })).slice(0, 2)).toEqual(["孙八 100%_real", "钱七"]);
  });

  it("streams every matching learner, not one page", async () => {
    let count = 0;
    for await (const batch of allLearners({ ...DEFAULT_FILTERS, page: 2 }, ALL, 7)) count += batch.length;
    expect(count).toBe(30);
  });

  it("shows a learner's detail, submitting an attempt whose time ran out", async () => {
    const detail = await learnerDetail(ids.zhao, ALL);
    expect(detail?.attempts[0].status).toBe("submitted");
    expect(detail?.completed.size).toBe(2);
    expect(await learnerDetail("nobody", ALL)).toBeNull();
  });
});

describe("dashboard summary figures", () => {
  const summary = (f: Partial<DashboardFilters>) => dashboardSummary({ ...DEFAULT_FILTERS, ...f }, ALL, new Date(NOW));

  it("counts every learner (not one page) by the table's own columns", async () => {
    expect(await summary({ page: 2 })).toEqual({
      learners: 30,
      completed: 3, // 张三, 李四, 钱七 finished every lesson; 孙八's removed lesson does not count
      submitted: 5, // everyone with a closed attempt, 赵六's expired one included
      released: 3, // latest submitted attempt released: 张三, 李四 (failed, now retaking), 钱七
      passed: 2,
      certified: 1,
      waiting: 1, // 赵六: time ran out, waiting for a grader
      waitingLearners: 1,
      held: 1, // 王五: graded, not yet released
    });
  });

  it("follows the dashboard's filters", async () => {
    expect(await summary({ status: "certified" })).toMatchObject({ learners: 1, completed: 1, submitted: 1, released: 1, passed: 1, certified: 1, waiting: 0 });
    expect(await summary({ module: firstModule.slug, moduleState: "done" })).toMatchObject({
      learners: 4, completed: 3, submitted: 4, released: 3, passed: 2, certified: 1, waiting: 0, held: 1,
    });
    expect(await summary({ max: 74.9 })).toMatchObject({ learners: 2, released: 1, passed: 0, held: 1 });
    expect(await summary({ q: "批量" })).toEqual({
      learners: 24, completed: 0, submitted: 0, released: 0, passed: 0, certified: 0, waiting: 0, waitingLearners: 0, held: 0,
    });
    expect(await summary({ q: "nobody-matches" })).toMatchObject({ learners: 0, completed: 0, waiting: 0 });
  });
});

describe("CSV export route", () => {
  const request = (query = "") => new Request(`http://localhost/admin/export${query}`);

  it("refuses learners and anonymous visitors with a Chinese 403", async () => {
    session.user = null;
    expect((await exportCsv(request())).status).toBe(403);
    session.user = { id: ids.zhang, name: "张三", email: "zhang@example.com", role: "learner" };
    const res = await exportCsv(request());
    expect(res.status).toBe(403);
    expect(await res.text()).toMatch(/只有讲师、管理员和部门负责人/);
  });

  it("gives trainers a UTF-8 CSV with BOM, Chinese headers and all matching rows", async () => {
    session.user = { id: "t", name: "讲师", email: "t@example.com", role: "trainer" };
    const res = await exportCsv(request("?page=2&sort=name&dir=asc"));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="learners-\d{4}-\d{2}-\d{2}\.csv"/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).trimEnd().split("\r\n"); // decode() drops the BOM
    expect(lines).toHaveLength(31);
    expect(lines[0].startsWith("姓名,邮箱,学习进度（%）")).toBe(true);

    const filtered = await exportCsv(request("?status=certified"));
    const rows = (await filtered.text()).trimEnd().split("\r\n");
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatch(/^张三,zhang@example.com,100,/);
    expect(rows[1]).toContain(",92.3,通过并获证,");
  });

  it("writes a learner name that starts a spreadsheet formula as text", async () => {
    session.user = { id: "t", name: "讲师", email: "t@example.com", role: "trainer" };
    await db.user.update({ where: { id: ids.zhang }, data: { name: "=HYPERLINK(\"http://evil.example\",\"张三\")" } });
    try {
      const rows = (await (await exportCsv(request("?status=certified"))).text()).trimEnd().split("\r\n");
      expect(rows[1]).toMatch(/^"'=HYPERLINK\(""http:\/\/evil\.example"",""张三""\)",zhang@example.com,100,/);
    } finally {
      await db.user.update({ where: { id: ids.zhang }, data: { name: "张三" } });
    }
  });
});
