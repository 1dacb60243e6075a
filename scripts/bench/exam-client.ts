// How a learner's browser takes the 结业考核 over HTTP: the one file of the bench that knows the
// protocol of 开始考核, the autosave and 提交 (decision 026). 开始考核 and the autosave are route
// handlers the page fetches with same-origin JSON (lib/assessment/client.ts): 开始考核 answers the
// attempt's id, after which the client router fetches the attempt page; a save answers `{ ok }`
// once stored; 提交 answers `{ ok }` once submitted, after which the page refreshes into the result.
// Whoever changes one of them changes this file and nothing else.
//
// Every call returns an outcome instead of throwing, so that the caller times it and counts a
// failure the same way whatever went wrong (HTTP status, refusal, no answer, connection error).
import { answerSheet, type AnswerSheet } from "@/lib/assessment/answer-sheet";
import type { Paper } from "@/lib/assessment/paper";
import type { AnswerValue } from "@/lib/assessment/schema";
import { db } from "@/lib/db";
import { navigation } from "./actions";
import { send, type Tab } from "./http";

/** An answer as stored: option ids of a choice, or the text. */
export type ExamAnswer = { itemKey: string; value: AnswerValue };
export type Outcome<T extends object = object> = ({ ok: true } & T) | { ok: false; error: string };

const origin = (tab: Tab) => `http://localhost:${tab.port}`;
const attemptPage = (attemptId: string) => `/assessment/attempts/${attemptId}`;

type RouteAnswer = { ok?: boolean; message?: string; attemptId?: string } | undefined;

/** A POST of JSON to a route handler, as the page's fetch sends it; its answer when it says ok. */
async function postJson(tab: Tab, path: string, body: unknown): Promise<Outcome<{ answer: RouteAnswer }>> {
  try {
    const reply = await send(tab, "POST", path, { "content-type": "application/json", accept: "*/*", origin: origin(tab) }, JSON.stringify(body));
    let answer: RouteAnswer;
    try {
      answer = JSON.parse(reply.body) as RouteAnswer;
    } catch {
      answer = undefined;
    }
    if (reply.status === 200 && answer?.ok === true) return { ok: true, answer };
    return { ok: false, error: answer?.message ?? `HTTP ${reply.status}` };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}

/**
 * 开始考核: draws a paper (or resumes the open one), then the client router fetches the attempt
 * page; one call, as the learner waits for both. The id of the attempt opened.
 */
export async function startAttempt(tab: Tab): Promise<Outcome<{ attemptId: string }>> {
  const started = await postJson(tab, "/api/assessment/attempts", {});
  if (!started.ok) return started;
  const attemptId = started.answer?.attemptId;
  if (!attemptId) return { ok: false, error: "no attempt id in the answer" };
  const page = await loadAttemptPage(tab, attemptId);
  return page.ok ? { ok: true, attemptId } : page;
}

/**
 * What the attempt page shows: its answerable items and the option tokens naming their choices
 * (decision 015). The browser gets them in the page; the bench reads the attempt's paper instead
 * of parsing HTML, and builds the same sheet the server checks a save against (decision 025).
 */
export async function openAttempt(attemptId: string): Promise<AnswerSheet> {
  const row = await db.assessmentAttempt.findUniqueOrThrow({ where: { id: attemptId }, select: { paper: true, seed: true } });
  return answerSheet({ id: attemptId, seed: row.seed, paper: JSON.parse(row.paper) as Paper });
}

/** An autosave of some answers, acknowledged only once stored; choices go out as the page's tokens. */
export async function saveAnswers(tab: Tab, sheet: AnswerSheet, answers: readonly ExamAnswer[]): Promise<Outcome> {
  const shown = answers.map(({ itemKey, value }) => {
    const item = sheet.items.get(itemKey);
    if (item?.kind !== "choice" || !Array.isArray(value)) return { itemKey, value };
    return { itemKey, value: value.map((id) => item.tokens[item.optionIds.indexOf(id)]) };
  });
  const saved = await postJson(tab, `/api${attemptPage(sheet.attemptId)}/answers`, { answers: shown });
  return saved.ok ? { ok: true } : saved;
}

/** The client router's fetch of the attempt page (after 开始考核, and the refresh after 提交). */
async function loadAttemptPage(tab: Tab, attemptId: string): Promise<Outcome> {
  try {
    const next = await navigation(attemptPage(attemptId), "/assessment", ["assessment"]);
    const page = await send(tab, "GET", next.path, next.headers);
    return page.status === 200 ? { ok: true } : { ok: false, error: `attempt page: HTTP ${page.status}` };
  } catch (error) {
    return { ok: false, error: `attempt page: ${(error as Error).message}` };
  }
}

/** 提交, then the page's refresh into the result: one call, as the learner waits for both. */
export async function submitAttempt(tab: Tab, attemptId: string): Promise<Outcome> {
  const submitted = await postJson(tab, `/api${attemptPage(attemptId)}/submit`, {});
  if (!submitted.ok) return submitted;
  return loadAttemptPage(tab, attemptId);
}
