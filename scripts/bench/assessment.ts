// The 结业考核 taken by 500 learners at once, as the browser does it: 开始考核 (POST
// /api/assessment/attempts answers the attempt's id, then the client router fetches the attempt
// page), several autosaves (POST /api/assessment/attempts/<id>/answers) a few seconds apart, then
// 提交 (the submitAssessment server action). A failed save is retried as the browser's saver does.
// Afterwards every stored answer is read back and compared with the last value the learner sent.
import { isDeepStrictEqual } from "node:util";
import { answerSlots, type Paper } from "@/lib/assessment/paper";
import { attemptTokens } from "@/lib/assessment/rules";
import type { AnswerValue } from "@/lib/assessment/schema";
import { db } from "@/lib/db";
import { seededRandom } from "@/lib/quiz/random";
import { actionHeaders, actionId, actionResult, navigation, type Segment } from "./actions";
import { BASE } from "./env";
import { send, Tab } from "./http";
import { assertSignedIn, createBenchLearners, deleteBenchLearners, type BenchLearner } from "./learners";
import { ms, Samples, type Summary } from "./stats";
import type { Bench } from "./types";

const LEARNERS = 500;
const START_SPREAD_MS = 20_000; // the 500 presses of 开始考核 fall evenly within this window
const SAVES = 5;
const THINK_MS = [5000, 10_000] as const; // between a learner's saves, uniformly drawn
const SAVE_TRIES = 5;
const PARAGRAPH = "提升转化率需要先看清流量结构，再针对搜索、推荐和活动三类入口分别优化主图、标题与价格带，并按周复盘投入产出。";

type Ids = { submit: string };
type Timings = { start: Samples; save: Samples; submit: Samples };
type Slots = ReturnType<typeof answerSlots>;
type ActionReply = { ok?: boolean; message?: string } | undefined;
type RouteReply = { ok?: boolean; message?: string; attemptId?: string } | undefined;

// As the page's fetch sends them (lib/assessment/client.ts).
const JSON_HEADERS = { "content-type": "application/json", origin: BASE };
const routeReply = (body: string): RouteReply => {
  try {
    return JSON.parse(body) as RouteReply;
  } catch {
    return undefined;
  }
};

const pause = (msDelay: number) => new Promise((r) => setTimeout(r, msDelay));

/** One timed POST; the reply, or undefined after a failure (recorded). */
async function call(tab: Tab, samples: Samples, path: string, headers: Record<string, string>, body: string) {
  const sent = performance.now();
  try {
    const reply = await send(tab, "POST", path, headers, body);
    samples.add(performance.now() - sent);
    if (reply.status !== 200) return void samples.fail(`HTTP ${reply.status}`);
    return reply;
  } catch (error) {
    samples.add(performance.now() - sent);
    return void samples.fail((error as Error).message);
  }
}

/** Some answers changed since the last save: two choice questions and one growing text. */
function edits(slots: Slots, sent: Map<string, AnswerValue>, random: () => number) {
  const keys = [...slots.keys()];
  const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)];
  const answers: { itemKey: string; value: AnswerValue }[] = [];
  const choices = keys.filter((k) => slots.get(k)!.kind === "choice");
  for (const itemKey of [pick(choices), pick(choices)]) {
    const slot = slots.get(itemKey)!;
    if (slot.kind !== "choice" || answers.some((a) => a.itemKey === itemKey)) continue;
    const options = slot.options.filter(() => random() < 0.5);
    answers.push({ itemKey, value: slot.multiple ? (options.length ? options : [slot.options[0]]) : [pick(slot.options)] });
  }
  const text = pick(keys.filter((k) => slots.get(k)!.kind === "text"));
  answers.push({ itemKey: text, value: `${(sent.get(text) as string | undefined) ?? ""}${PARAGRAPH}` });
  return answers;
}

type Pace = { startAt: number; think: readonly [number, number] };

/**
 * 开始考核 as the page does it (decision 026): the route answers the attempt's id, then the client
 * router fetches the attempt page. Timed together: what the learner waits for between 确认开始 and
 * the paper. The attempt's id, or undefined after a failure (recorded).
 */
async function openAttempt(tab: Tab, samples: Samples): Promise<string | undefined> {
  const sent = performance.now();
  const failed = (why: string) => {
    samples.add(performance.now() - sent);
    samples.fail(why);
    return undefined;
  };
  try {
    const reply = await send(tab, "POST", "/api/assessment/attempts", JSON_HEADERS, "{}");
    const answer = routeReply(reply.body);
    if (reply.status !== 200 || !answer?.attemptId) return failed(answer?.message ?? `HTTP ${reply.status}`);
    const next = await navigation(`/assessment/attempts/${answer.attemptId}`, "/assessment", ["assessment"]);
    const page = await send(tab, "GET", next.path, next.headers);
    if (page.status !== 200) return failed(`attempt page: HTTP ${page.status}`);
    samples.add(performance.now() - sent);
    return answer.attemptId;
  } catch (error) {
    return failed((error as Error).message);
  }
}

async function takeAssessment(learner: BenchLearner, ids: Ids, timings: Timings, index: number, pace: Pace) {
  await pause(pace.startAt);
  const tab = new Tab(learner.cookie);
  const random = seededRandom(`bench-${index}`);
  const sent = new Map<string, AnswerValue>();
  try {
    const attemptId = await openAttempt(tab, timings.start);
    if (!attemptId) return { attemptId: undefined, sent };
    // The browser gets the paper in the attempt page; the bench reads which items it has.
    // Choices go out as the attempt's option tokens, as the page names them; the server stores ids.
    const row = await db.assessmentAttempt.findUniqueOrThrow({ where: { id: attemptId }, select: { paper: true, seed: true } });
    const parsed = JSON.parse(row.paper) as Paper;
    const slots = answerSlots(parsed);
    const tokens = attemptTokens({ id: attemptId, seed: row.seed, paper: parsed });
    const shown = (answers: { itemKey: string; value: AnswerValue }[]) =>
      answers.map(({ itemKey, value }) => ({ itemKey, value: Array.isArray(value) ? tokens.encode(itemKey, value) : value }));
    const page = `/assessment/attempts/${attemptId}`;
    const segments: Segment[] = ["assessment", "attempts", ["attemptId", attemptId]];

    for (let s = 0; s < SAVES; s++) {
      await pause(pace.think[0] + random() * (pace.think[1] - pace.think[0]));
      const answers = edits(slots, sent, random);
      for (const a of answers) sent.set(a.itemKey, a.value);
      for (let tries = 1; tries <= SAVE_TRIES; tries++) {
        const reply = await call(tab, timings.save, `/api${page}/answers`, JSON_HEADERS, JSON.stringify({ answers: shown(answers) }));
        const result = reply && routeReply(reply.body);
        if (result?.ok) break;
        if (reply) timings.save.fail(result?.message ?? "no JSON answer");
        await pause(1000);
      }
    }
    const submitted = await call(tab, timings.submit, page, actionHeaders(ids.submit, segments), JSON.stringify([{ attemptId }]));
    const result = submitted && (actionResult(submitted.body) as ActionReply);
    if (submitted && !result?.ok) timings.submit.fail(result?.message ?? "no action result");
    return { attemptId, sent };
  } finally {
    tab.close();
  }
}

export async function assessmentLoad(bench: Bench): Promise<string> {
  const ids: Ids = { submit: actionId("lib/assessment/actions.ts", "submitAssessment") };
  const [warmUp, solo, ...learners] = await createBenchLearners(LEARNERS + 2, { cookieName: bench.sessionCookieName, allLessonsDone: true });
  try {
    await assertSignedIn(solo);
    // One learner alone, no pauses, after an untimed one has loaded the routes: the server time
    // of each action without queueing.
    const newTimings = (): Timings => ({ start: new Samples(), save: new Samples(), submit: new Samples() });
    const warmed = await takeAssessment(warmUp, ids, newTimings(), LEARNERS + 1, { startAt: 0, think: [0, 0] });
    const alone = newTimings();
    const soloRun = await takeAssessment(solo, ids, alone, LEARNERS, { startAt: 0, think: [0, 0] });

    const timings = newTimings();
    const began = performance.now();
    const taken = await Promise.all(
      learners.map((learner, i) => takeAssessment(learner, ids, timings, i, { startAt: (i * START_SPREAD_MS) / LEARNERS, think: THINK_MS })),
    );
    const elapsed = (performance.now() - began) / 1000;
    taken.push(warmed, soloRun);

    const attemptIds = taken.flatMap((t) => (t.attemptId ? [t.attemptId] : []));
    const [attempts, stored] = await Promise.all([
      db.assessmentAttempt.findMany({ where: { id: { in: attemptIds } }, select: { id: true, status: true } }),
      db.assessmentAnswer.findMany({ where: { attemptId: { in: attemptIds } }, select: { attemptId: true, itemKey: true, value: true } }),
    ]);
    const storedValue = new Map(stored.map((a) => [`${a.attemptId} ${a.itemKey}`, JSON.parse(a.value) as unknown]));
    let checked = 0;
    let lost = 0;
    for (const { attemptId, sent } of taken) {
      if (!attemptId) continue;
      for (const [itemKey, value] of sent) {
        checked++;
        if (!isDeepStrictEqual(storedValue.get(`${attemptId} ${itemKey}`), value)) lost++;
      }
    }
    const submitted = attempts.filter((a) => a.status === "submitted").length;
    const errors = [timings, alone].reduce((n, t) => n + t.start.errors + t.save.errors + t.submit.errors, 0);
    const met = errors === 0 && lost === 0 && submitted === taken.length;
    const row = (label: string, s: Summary) => `| ${label} | ${s.count} | ${ms(s.p50)} | ${ms(s.p90)} | ${ms(s.p99)} | ${ms(s.max)} | ${s.errors} |`;
    const failures = [alone, timings]
      .flatMap((t) => (["start", "save", "submit"] as const).filter((k) => t[k].errors).map((k) => `${k}: ${t[k].failureText()}`))
      .join("; ");
    return [
      `### Assessment autosave and submit: ${LEARNERS} simultaneous learners`,
      ``,
      `${LEARNERS} learners with every lesson done press 开始考核 within ${START_SPREAD_MS / 1000} s, evenly spread (a route handler draws a`,
      `paper and answers the attempt's id, then the page fetches the attempt as the client router does; start is timed to the end of`,
      `that page, decision 026); each then autosaves ${SAVES} times through its route handler,`,
      `${THINK_MS[0] / 1000}–${THINK_MS[1] / 1000} s apart (two choice answers and one growing text answer per save), then submits. ` +
        `A failed save is retried,`,
      `as the page does. Latency is from sending to the last byte; a request unanswered after 60 s is an error. ` +
        `First, one learner`,
      `alone goes through the same steps without pauses (after an untimed learner has warmed the routes up).`,
      ``,
      `| action | requests | p50 ms | p90 ms | p99 ms | max ms | errors |`,
      `| --- | ---: | ---: | ---: | ---: | ---: | ---: |`,
      row("one learner alone: 开始考核 (start)", alone.start.summary()),
      row("one learner alone: autosave", alone.save.summary()),
      row("one learner alone: 提交 (submit)", alone.submit.summary()),
      row(`${LEARNERS} learners: 开始考核 (start)`, timings.start.summary()),
      row(`${LEARNERS} learners: autosave`, timings.save.summary()),
      row(`${LEARNERS} learners: 提交 (submit)`, timings.submit.summary()),
      ``,
      `The ${LEARNERS} learners were done in ${elapsed.toFixed(1)} s. Read back: ${submitted} of ${taken.length} attempts submitted; ` +
        `${checked} answers compared with the last value sent, **${lost} lost**.${failures ? ` Errors: ${failures}.` : ""}`,
      `Goal 0 errors and 0 lost answers: ${met ? "met" : "**missed**"}.`,
    ].join("\n");
  } finally {
    await deleteBenchLearners();
  }
}
