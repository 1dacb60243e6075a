// npm run seed:cohort [-- --learners N --attempts M --seed S --reset]
// A believable cohort for demos and benchmarks, drawn from the real course and banks: lesson
// progress with a module-by-module completion funnel, module quiz attempts, and final
// assessment sittings at every status, graded with the app's own scoring. Same seed, same
// cohort (times are relative to the run). About a fifth of the graded sittings are blind double
// graded (some moderated, a few still waiting), and the setting grading.double is set to match.
// Refuses a second run unless --reset, which deletes only the cohort's accounts (e-mail domain
// cohort.example.com) and, by cascade, their data, and the cohort's company: its departments and
// 学习任务 (ids starting "cohort-", see cohort/organisation.ts).
import { parseArgs } from "node:util";
import { hashPassword } from "better-auth/crypto";
import { databaseUrl } from "@/lib/database-url";
import { db } from "@/lib/db";
import { DOUBLE_GRADING_KEY, doubleGradingSettingsSchema } from "@/lib/grading/double";
import { COHORT_DOMAIN, COHORT_PASSWORD, headEmail, learnerEmail, loadContent, trainerEmail, type CohortContext } from "./cohort/context";
import { COHORT_DOUBLE_GRADING } from "./cohort/double";
import { COHORT_ID_PREFIX, planOrganisation } from "./cohort/organisation";
import { planCohort } from "./cohort/plan";
import { describe, summarize, type CohortSummary } from "./cohort/summary";
import { chunkRows, makeTrainerIds, trainerRows } from "./cohort/write";
import { writeCohort } from "./cohort/writer";
import { prepareDatabase } from "./prepare-db";

export type CohortOptions = { learners: number; attempts: number; seed: string; reset: boolean; log?: (line: string) => void };

export class CohortExistsError extends Error {
  constructor(readonly count: number) {
    super(`数据库里已有 ${count} 个演示群体账号（*${COHORT_DOMAIN}），未做任何修改。要重新生成，请加 --reset（只删除这些账号及其数据）。`);
    this.name = "CohortExistsError";
  }
}

export const CHUNK = 1000; // learners per transaction

const cohortUsers = { email: { endsWith: COHORT_DOMAIN } };

export async function seedCohort(options: CohortOptions): Promise<CohortSummary> {
  const log = options.log ?? console.log;
  const started = performance.now();
  const lap = (() => {
    let last = started;
    return () => {
      const now = performance.now();
      const s = ((now - last) / 1000).toFixed(1);
      last = now;
      return `${s}s`;
    };
  })();

  // prisma migrate deploy fails while any connection has the file open (even an idle one):
  // close ours first. Harmless from the command line, where nothing is open yet.
  await db.$disconnect();
  await prepareDatabase();
  const existing = await db.user.count({ where: cohortUsers });
  if (existing > 0 && !options.reset) throw new CohortExistsError(existing);
  if (existing > 0) {
    const { count } = await db.user.deleteMany({ where: cohortUsers });
    log(`--reset：已删除 ${count} 个演示群体账号及其数据`);
  }
  await deleteCohortCompany();
  // The seeded double grades follow this tolerance, so the agreement page reads them as they were made.
  const doubleGrading = JSON.stringify(doubleGradingSettingsSchema.parse(COHORT_DOUBLE_GRADING));
  await db.setting.upsert({ where: { key: DOUBLE_GRADING_KEY }, create: { key: DOUBLE_GRADING_KEY, value: doubleGrading }, update: { value: doubleGrading } });
  const prepared = lap();

  const ctx: CohortContext = { seed: options.seed, now: Date.now(), ...loadContent(), trainerIds: makeTrainerIds(options.seed) };
  const password = await hashPassword(COHORT_PASSWORD); // once: scrypt is slow by design
  const plans = planCohort(ctx, options.learners, options.attempts);
  const org = planOrganisation(ctx);
  const planned = lap();

  const quiz = { attempts: 0, scoreSum: 0 };
  let rows = 0;
  function* chunks() {
    yield trainerRows(ctx, password, org);
    for (let i = 0; i < plans.length; i += CHUNK) {
      const { tables, stats } = chunkRows(ctx, plans.slice(i, i + CHUNK), password, org);
      quiz.attempts += stats.quizAttempts;
      quiz.scoreSum += stats.quizScoreSum;
      rows += stats.rows;
      yield tables;
    }
  }
  await writeCohort(databaseUrl(), chunks());
  const written = lap();

  const summary = summarize(ctx.course, plans, ctx.trainerIds.length, quiz);
  for (const line of describe(summary)) log(line);
  if (summary.attempts < options.attempts) log(`注意：学员完成的模块太少，只生成了 ${summary.attempts} 次作答（要求 ${options.attempts}）。`);
  log(`写入 ${rows.toLocaleString("en-US")} 行。用时：迁移与检查 ${prepared} · 生成 ${planned} · 写入 ${written} · 合计 ${((performance.now() - started) / 1000).toFixed(1)}s`);
  log(`公司「京东商城」：${org.regions.length} 个大区、${org.leaves.length} 个小组，${org.regions.length} 名部门负责人（${headEmail(0)} …），4 个学习任务`);
  log(`双评设置（${DOUBLE_GRADING_KEY}）：抽取 ${COHORT_DOUBLE_GRADING.share}%，容差 ${COHORT_DOUBLE_GRADING.tolerance}%`);
  log(`登录：${learnerEmail(0, options.learners)} … ${learnerEmail(options.learners - 1, options.learners)}，讲师 ${trainerEmail(0)}；密码均为 ${COHORT_PASSWORD}`);
  return summary;
}

/**
 * The company a previous run left (its learners are gone by now): its 学习任务 (targets go by
 * cascade) and its departments, deepest first. Nothing of the app's own departments is touched.
 */
async function deleteCohortCompany() {
  const cohortIds = { id: { startsWith: COHORT_ID_PREFIX } };
  await db.assignment.deleteMany({ where: cohortIds });
  await db.assignmentTarget.deleteMany({ where: { department: cohortIds } });
  await db.user.updateMany({ where: { department: cohortIds }, data: { departmentId: null } });
  const departments = await db.department.findMany({ where: cohortIds, select: { id: true, depth: true } });
  for (const depth of [...new Set(departments.map((d) => d.depth))].sort((a, b) => b - a)) {
    await db.department.deleteMany({ where: { id: { in: departments.filter((d) => d.depth === depth).map((d) => d.id) } } });
  }
}

function parseOptions(argv: string[]): CohortOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      learners: { type: "string", default: "10000" },
      attempts: { type: "string", default: "50000" },
      seed: { type: "string", default: "cohort" },
      reset: { type: "boolean", default: false },
    },
    strict: true,
  });
  const count = (name: string, value: string, min: number) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} 须为不小于 ${min} 的整数，收到「${value}」`);
    return n;
  };
  return {
    learners: count("learners", values.learners, 1),
    attempts: count("attempts", values.attempts, 0),
    seed: values.seed,
    reset: values.reset,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    const options = parseOptions(process.argv.slice(2));
    console.log(`生成演示学员群体：${options.learners} 名学员，${options.attempts} 次作答，seed "${options.seed}"，密码 ${COHORT_PASSWORD}`);
    await seedCohort(options);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  } finally {
    await db.$disconnect();
  }
}
