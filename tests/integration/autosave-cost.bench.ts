// The cost of one autosave in-process (decision 025), two choices and a growing text per save,
// against a fresh SQLite database (or PostgreSQL with TEST_POSTGRES_URL): `saveAnswers` as the
// action calls it, beside the save as it was before (decision 015: the whole attempt read with
// its paper and answers, the paper parsed, one upsert per item). Prints latency and CPU time per
// save (CPU is the steadier figure on a shared machine). Not part of `npm test` or `npm run bench`:
//   npx vitest bench --run --project integration tests/integration/autosave-cost.bench.ts
import { afterAll, bench, describe } from "vitest";
import { auth } from "@/lib/auth/auth";
import { db } from "@/lib/db";
import { loadAttempt, saveAnswers, startAttempt } from "@/lib/assessment/attempts";
import { answerSlots } from "@/lib/assessment/paper";
import { findAttempt } from "@/lib/assessment/queries";
import { attemptTokens, isExpired } from "@/lib/assessment/rules";
import type { AnswerValue } from "@/lib/assessment/schema";
import { readAssessment } from "@/lib/content/banks";
import { recordActivity } from "@/lib/progress/activity";

const content = readAssessment().content!;
const { user } = await auth.api.signUpEmail({ body: { name: "考生", email: "autosave-cost@example.com", password: "password123" } });
const started = await startAttempt(user.id, content);
if (!started.ok) throw new Error(started.reason);
const attempt = (await loadAttempt(user.id, started.attemptId))!;
const tokens = attemptTokens(attempt);
const [a, b] = attempt.paper.part1.map((p) => p.question);
let text = "";

function nextSave(): { itemKey: string; value: AnswerValue }[] {
  text += "本周计划提升转化率，";
  return [
    { itemKey: `p1:${a.id}`, value: tokens.encode(`p1:${a.id}`, [a.options[text.length % a.options.length].id]) },
    { itemKey: `p1:${b.id}`, value: tokens.encode(`p1:${b.id}`, [b.options[0].id]) },
    { itemKey: "p3:0", value: text },
  ];
}

/** The save before decision 025, step for step. */
async function saveAsBefore(items: { itemKey: string; value: AnswerValue }[]) {
  const stored = await findAttempt(user.id, attempt.id);
  if (!stored || isExpired(stored) || stored.status !== "in_progress") throw new Error("not open");
  const slots = answerSlots(stored.paper);
  const storedTokens = attemptTokens(stored);
  const decoded = items.map(({ itemKey, value }) => {
    const slot = slots.get(itemKey);
    if (!slot) throw new Error("unknown-item");
    if (slot.kind === "text") return { itemKey, value };
    const ids = storedTokens.decode(itemKey, value as string[]);
    if (!ids) throw new Error("bad-option");
    return { itemKey, value: ids };
  });
  const savedAt = new Date();
  await db.$transaction([
    ...decoded.map(({ itemKey, value }) =>
      db.assessmentAnswer.upsert({
        where: { attemptId_itemKey: { attemptId: attempt.id, itemKey } },
        create: { attemptId: attempt.id, itemKey, value: JSON.stringify(value), updatedAt: savedAt },
        update: { value: JSON.stringify(value), updatedAt: savedAt },
      }),
    ),
    recordActivity(db, user.id, savedAt),
  ]);
}

const cpu = { before: { us: 0, n: 0 }, now: { us: 0, n: 0 } };
async function timed(which: keyof typeof cpu, save: () => Promise<unknown>) {
  const start = process.cpuUsage();
  await save();
  const used = process.cpuUsage(start);
  cpu[which].us += used.user + used.system;
  cpu[which].n += 1;
}

const options = { iterations: 500, warmupIterations: 50, time: 0 };
describe("autosave", () => {
  bench("before: whole attempt read, paper parsed, one upsert per item", () => timed("before", () => saveAsBefore(nextSave())), options);
  bench("now: answer sheet cached, one merge statement", () => timed("now", async () => {
    const saved = await saveAnswers(user.id, attempt.id, nextSave());
    if (!saved.ok) throw new Error(saved.reason);
  }), options);
});

afterAll(() => {
  for (const [which, { us, n }] of Object.entries(cpu)) console.log(`${which}: ${(us / n / 1000).toFixed(2)} ms CPU per save (${n} saves, warm-up included)`);
});
