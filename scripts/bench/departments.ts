// Issue 16: the department report and the dashboard's department and 学习任务 filters on the
// cohort's company (10,000 learners in 40 小组). Two figures per view: the reads the page makes,
// timed in this process (server time without rendering), and, inside `npm run bench`, the time
// to first byte of the page over loopback. Standalone (in-process only, no server needed):
//   DATABASE_URL=… NODE_ENV=production node --import ./scripts/bench/server-only-stub.mjs --import tsx scripts/bench/departments.ts
import os from "node:os";
import { dashboardSummary, learnerDashboard } from "@/lib/admin/queries";
import { DEFAULT_FILTERS, type DashboardFilters } from "@/lib/admin/schema";
import type { StaffScope } from "@/lib/auth/scope";
import { db } from "@/lib/db";
import { departmentReport } from "@/lib/reports/queries";
import type { ReportFilters } from "@/lib/reports/schema";
import { timeToFirstByte } from "./dashboard";
import { signIn } from "./learners";
import type { Bench } from "./types";

const RUNS = 7;
const GOAL_MS = 300;
const ALL: StaffScope = { kind: "all" };

type Case = { label: string; url: string; head?: boolean; read: (scope: StaffScope) => Promise<unknown> };

const report = (filters: ReportFilters) => (scope: StaffScope) => departmentReport(scope, filters);
const dashboard = (filters: Partial<DashboardFilters>) => (scope: StaffScope) => learnerDashboard({ ...DEFAULT_FILTERS, ...filters }, scope);
const summary = (filters: Partial<DashboardFilters>) => (scope: StaffScope) => dashboardSummary({ ...DEFAULT_FILTERS, ...filters }, scope);

const CASES: Case[] = [
  { label: "report: whole company", url: "/admin/reports", read: report({}) },
  { label: "report: one 学习任务 (course, 3 大区)", url: "/admin/reports?assignment=cohort-a1", read: report({ assignment: "cohort-a1" }) },
  { label: "report: drill-down to 华北大区", url: "/admin/reports?department=cohort-d-1", read: report({ department: "cohort-d-1" }) },
  { label: "report: 部门负责人 (华北大区)", url: "/admin/reports", head: true, read: report({}) },
  { label: "dashboard: 大区 filter", url: "/admin?dept=cohort-d-1", read: dashboard({ dept: "cohort-d-1" }) },
  { label: "dashboard: 小组 filter", url: "/admin?dept=cohort-d-1-1", read: dashboard({ dept: "cohort-d-1-1" }) },
  { label: "dashboard: 学习任务 已逾期 (everyone)", url: "/admin?task=overdue", read: dashboard({ task: "overdue" }) },
  { label: "dashboard: 大区 + 学习任务 + 已逾期", url: "/admin?dept=cohort-d-1&assignment=cohort-a1&task=overdue", read: dashboard({ dept: "cohort-d-1", assignment: "cohort-a1", task: "overdue" }) },
  { label: "dashboard: 部门负责人 (华北大区), 已逾期", url: "/admin?task=overdue", head: true, read: dashboard({ task: "overdue" }) },
  { label: "dashboard summary: 大区 + 已逾期", url: "", read: summary({ dept: "cohort-d-1", task: "overdue" }) },
];

async function headScope(): Promise<StaffScope> {
  const head = await db.user.findUniqueOrThrow({ where: { email: "head1@cohort.example.com" }, select: { canGrade: true, department: { select: { id: true, path: true, name: true } } } });
  return { kind: "department", departmentId: head.department!.id, path: head.department!.path, departmentName: head.department!.name, canGrade: head.canGrade };
}

async function median(run: () => Promise<number>): Promise<{ median: number; max: number }> {
  await run(); // warm: the first call loads the course and opens the connection
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) samples.push(await run());
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(samples.length / 2)], max: samples.at(-1)! };
}

/** Markdown rows; `bench` given: also the page's time to first byte. */
async function measureAll(bench?: Bench): Promise<{ rows: string[]; worst: number }> {
  const head = await headScope();
  const headCookie = bench ? await signIn("head1@cohort.example.com", "cohort123") : "";
  const rows: string[] = [];
  let worst = 0;
  for (const c of CASES) {
    const scope = c.head ? head : ALL;
    const cpu: number[] = [];
    const reads = await median(async () => {
      const start = performance.now();
      const used = process.cpuUsage();
      await c.read(scope);
      const { user, system } = process.cpuUsage(used);
      cpu.push((user + system) / 1000);
      return performance.now() - start;
    });
    const cpuMedian = cpu.slice(1).sort((a, b) => a - b)[Math.floor(RUNS / 2)];
    let http = "–";
    if (bench && c.url) {
      const cookie = c.head ? headCookie : bench.adminCookie;
      const t = await median(async () => (await timeToFirstByte(c.url, cookie)).ms);
      http = `${t.median.toFixed(0)} / ${t.max.toFixed(0)}`;
      worst = Math.max(worst, t.median);
    }
    worst = Math.max(worst, reads.median);
    rows.push(`| ${c.label} | ${c.url ? `\`${c.url}\`` : "(streamed after the table)"} | ${reads.median.toFixed(0)} | ${reads.max.toFixed(0)} | ${cpuMedian.toFixed(0)} | ${http} |`);
  }
  return { rows, worst };
}

export async function departments(bench?: Bench): Promise<string> {
  const learners = await db.user.count({ where: { role: "learner" } });
  const depts = await db.department.count();
  const load = os.loadavg().map((n) => n.toFixed(2)).join(" / ");
  const { rows, worst } = await measureAll(bench);
  bench?.goals.add({ figure: "department report and filtered dashboard (slowest median)", measured: `${worst.toFixed(0)} ms`, goal: `< ${GOAL_MS} ms`, met: worst < GOAL_MS });
  return [
    `### Departments (issue 16): ${learners.toLocaleString("en-US")} learners in ${depts} departments`,
    ``,
    `Median and max of ${RUNS} runs after one warm-up, one at a time. "reads" = the page's database reads and roll-up`,
    `timed in the bench process (wall clock); "CPU" = the bench process's CPU time for them (on SQLite the queries run in`,
    `this process, so it is what they take on an idle core; on PostgreSQL the server's share is not in it); "page" = time`,
    `to first byte over loopback (only inside \`npm run bench\`). Load average (1/5/15 min): ${load}.`,
    ``,
    `| view | URL | reads median ms | reads max ms | CPU median ms | page median / max ms |`,
    `| --- | --- | ---: | ---: | ---: | ---: |`,
    ...rows,
    ``,
    `Goal < ${GOAL_MS} ms server time: ${worst < GOAL_MS ? "met by every view's median" : `**missed** (slowest median ${worst.toFixed(0)} ms)`}.`,
  ].join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    console.log(await departments());
  } finally {
    await db.$disconnect();
  }
}
