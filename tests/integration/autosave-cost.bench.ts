// The cost of one autosave in-process (decision 025): `saveAnswers` as the action calls it, two
// choices and a growing text per save, against a fresh SQLite database (or PostgreSQL with
// TEST_POSTGRES_URL). Not part of `npm test` or `npm run bench`:
//   npx vitest bench --run --project integration tests/integration/autosave-cost.bench.ts
import { bench, describe } from "vitest";
import { auth } from "@/lib/auth/auth";
import { loadAttempt, saveAnswers, startAttempt } from "@/lib/assessment/attempts";
import { attemptTokens } from "@/lib/assessment/rules";
import { readAssessment } from "@/lib/content/banks";

const content = readAssessment().content!;
const { user } = await auth.api.signUpEmail({ body: { name: "考生", email: "autosave-cost@example.com", password: "password123" } });
const started = await startAttempt(user.id, content);
if (!started.ok) throw new Error(started.reason);
const attempt = (await loadAttempt(user.id, started.attemptId))!;
const tokens = attemptTokens(attempt);
const [a, b] = attempt.paper.part1.map((p) => p.question);
let text = "";

describe("autosave", () => {
  bench(
    "saveAnswers: two choices and a growing text",
    async () => {
      text += "本周计划提升转化率，";
      const saved = await saveAnswers(user.id, attempt.id, [
        { itemKey: `p1:${a.id}`, value: tokens.encode(`p1:${a.id}`, [a.options[text.length % a.options.length].id]) },
        { itemKey: `p1:${b.id}`, value: tokens.encode(`p1:${b.id}`, [b.options[0].id]) },
        { itemKey: "p3:0", value: text },
      ]);
      if (!saved.ok) throw new Error(saved.reason);
    },
    { iterations: 500, warmupIterations: 50, time: 0 },
  );
});
