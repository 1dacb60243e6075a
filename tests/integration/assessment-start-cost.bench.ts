// What decision 042 costs the 结业考核 start's write, in-process on this test's database: the
// start's transaction before xAPI (a batch: create + last activity) against insertAttempt now (an
// interactive transaction that also looks up the LRS setting, and queues a statement when one is
// set). Wall and CPU time per call; one round runs each variant once, so warm-up and the machine's
// load fall on all three alike. Not part of `npm test` or `npm run bench`:
//   npx vitest bench --run --project integration tests/integration/assessment-start-cost.bench.ts
import { afterAll, bench, describe } from "vitest";

const { db } = await import("@/lib/db");
const { insertAttempt } = await import("@/lib/assessment/queries");
const { drawPaper } = await import("@/lib/assessment/paper");
const { readAssessment } = await import("@/lib/content/banks");
const { recordActivity } = await import("@/lib/progress/activity");
const { XAPI_SETTING_KEY } = await import("@/lib/xapi/schema");

const content = readAssessment().content!;
const paper = drawPaper(content, "bench-seed");
const user = await db.user.create({ data: { id: "start-cost-learner", name: "开考", email: "start-cost@example.com", emailVerified: true } });
let number = 0;
const attempt = () => ({ userId: user.id, number: ++number, seed: "bench-seed", paper, startedAt: new Date(), deadlineAt: new Date(Date.now() + 3600_000) });

/** The start's write as it was before decision 042. */
async function beforeXapi() {
  const data = attempt();
  const [row] = await db.$transaction([db.assessmentAttempt.create({ data: { ...data, paper: JSON.stringify(data.paper) } }), recordActivity(db, data.userId, data.startedAt)]);
  return row.id;
}

const cost: Record<string, { wall: number; cpu: number; n: number }> = {};
async function timed(which: string, run: () => Promise<unknown>) {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  await run();
  const used = process.cpuUsage(cpu);
  const entry = (cost[which] ??= { wall: 0, cpu: 0, n: 0 });
  entry.wall += performance.now() - wall;
  entry.cpu += (used.user + used.system) / 1000;
  entry.n += 1;
}

const lrs = (on: boolean) =>
  on
    ? db.setting.upsert({ where: { key: XAPI_SETTING_KEY }, create: { key: XAPI_SETTING_KEY, value: "{}" }, update: {} })
    : db.setting.deleteMany({ where: { key: XAPI_SETTING_KEY } });

describe("the 结业考核 start's write", () => {
  bench(
    "one round of the three variants",
    async () => {
      await timed("1 before xAPI (batch transaction)", beforeXapi);
      await timed("2 now, no LRS configured", () => insertAttempt(attempt()));
      await lrs(true);
      await timed("3 now, LRS configured (statement queued)", () => insertAttempt(attempt()));
      await lrs(false);
    },
    { iterations: 300, warmupIterations: 30, time: 0 },
  );
});

afterAll(() => {
  for (const [which, { wall, cpu, n }] of Object.entries(cost).sort())
    console.log(`${which}: ${(wall / n).toFixed(3)} ms wall, ${(cpu / n).toFixed(3)} ms CPU per call (${n} calls, warm-up included)`);
});
