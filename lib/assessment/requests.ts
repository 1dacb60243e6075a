import "server-only";
import { assessmentUnlocked } from "@/lib/assessment/access";
import { saveAnswers, startAttempt, submitAttempt } from "@/lib/assessment/attempts";
import { autosaveSchema } from "@/lib/assessment/integrity";
import { recordIntegrityEvents } from "@/lib/assessment/integrity-queries";
import { BAD_ANSWERS, BAD_INTEGRITY, LOCKED, NOT_FOUND, SAVE_BUSY, SAVE_REFUSALS, SIGNED_OUT, START_BUSY, START_REFUSALS, SUBMIT_BUSY } from "@/lib/assessment/messages";
import { attemptIdSchema } from "@/lib/assessment/schema";
import { requestUserOrNull } from "@/lib/auth/guards";
import type { CurrentUser } from "@/lib/auth/session";
import { loadAssessment } from "@/lib/content/banks";
import { readBounded } from "@/lib/security/action-body";
import { MAX_BODY_BYTES } from "@/lib/security/malformed";
import { z } from "@/lib/zod";

// The 结业考核's writes as route handlers (decision 026): 开始考核, the autosave and 提交. Each
// answers a status and `{ ok, … }` JSON; the order is an action's: who is asking, then the input,
// then the write scoped to that learner. Never throws: a failing database is a 503 the page retries.

export type Reply<T extends object = object> = { status: number; body: ({ ok: true } & T) | { ok: false; message: string; closed?: true } };

const refuse = (status: number, message: string, closed?: true): Reply<never> => ({ status, body: { ok: false, message, ...(closed ? { closed } : {}) } });

/**
 * Who is asking, and their JSON body (size-bounded like an action's). A JSON content type keeps
 * other sites out: a cross-site page cannot send one without a CORS preflight (decision 012).
 */
async function learnerAndBody(request: Request): Promise<{ user: CurrentUser; body: unknown } | Reply<never>> {
  const user = await requestUserOrNull(request).catch(() => undefined);
  if (user === undefined) return refuse(503, "暂时无法确认登录状态，请稍后重试。");
  if (!user) return refuse(401, SIGNED_OUT);
  if (!request.headers.get("content-type")?.startsWith("application/json")) return refuse(400, "请求格式不正确：需要 JSON。");
  const bytes = await readBounded(request, MAX_BODY_BYTES).catch(() => null);
  if (!bytes) return refuse(413, "提交的内容太大（超过 1 MB），未处理。");
  try {
    return { user, body: JSON.parse(new TextDecoder().decode(bytes)) as unknown };
  } catch {
    return refuse(400, "提交的数据格式不正确，未处理。请刷新页面后重试。");
  }
}

async function orBusy<T>(work: () => Promise<T>, message: string): Promise<T | Reply<never>> {
  try {
    return await work();
  } catch (error) {
    console.error(error);
    return refuse(503, message);
  }
}

/**
 * `POST /api/assessment/attempts/<id>/answers`: `{ answers, integrity? }` in; `{ ok: true, savedAt }`
 * only once the answers are stored. A closed attempt answers 409 with `closed: true`.
 */
export async function saveAnswersRequest(request: Request, attemptId: string): Promise<Reply<{ savedAt: string }>> {
  const asked = await learnerAndBody(request);
  if ("status" in asked) return asked;
  const id = attemptIdSchema.safeParse({ attemptId });
  if (!id.success) return refuse(404, NOT_FOUND);
  const parsed = autosaveSchema.safeParse(asked.body);
  if (!parsed.success) return refuse(400, parsed.error.issues.some((issue) => issue.path[0] === "integrity") ? BAD_INTEGRITY : BAD_ANSWERS);
  const { answers, integrity } = parsed.data;
  const userId = asked.user.id;
  const { attemptId: parsedId } = id.data;
  const saved = await orBusy(async () => {
    const result = await saveAnswers(userId, parsedId, answers);
    // Acknowledged even when the log is off or full, so the browser lets go of those events.
    if (result.ok && integrity?.length && loadAssessment().config.integrityLog) await recordIntegrityEvents(userId, parsedId, integrity);
    return result;
  }, SAVE_BUSY);
  if ("status" in saved) return saved;
  if (saved.ok) return { status: 200, body: saved };
  const refusal = SAVE_REFUSALS[saved.reason];
  return refuse(saved.reason === "not-found" ? 404 : refusal.closed ? 409 : 400, refusal.message, refusal.closed);
}

/** The body of 开始考核 and 提交: nothing but `{}`. */
const emptyBodySchema = z.object({}).strict();

/**
 * `POST /api/assessment/attempts` with `{}`: draws a paper (or resumes the open attempt) and answers
 * `{ ok: true, attemptId }`; the page then navigates there. The attempt page is not rendered here.
 */
export async function startAttemptRequest(request: Request): Promise<Reply<{ attemptId: string }>> {
  const asked = await learnerAndBody(request);
  if ("status" in asked) return asked;
  if (!emptyBodySchema.safeParse(asked.body).success) return refuse(400, "请求无效。请刷新页面后重试。");
  const { user } = asked;
  const unlocked = await orBusy(() => assessmentUnlocked(user), START_BUSY);
  if (typeof unlocked !== "boolean") return unlocked;
  if (!unlocked) return refuse(403, LOCKED);
  const started = await orBusy(() => startAttempt(user.id, loadAssessment()), START_BUSY);
  if ("status" in started) return started;
  if (!started.ok) return refuse(started.reason === "failed" ? 503 : 409, START_REFUSALS[started.reason](started.allowed));
  return { status: 200, body: { ok: true, attemptId: started.attemptId } };
}

/**
 * `POST /api/assessment/attempts/<id>/submit` with `{}`: submits the learner's own attempt (one
 * already closed stays as it is) and answers `{ ok: true }`; the page then refreshes into the
 * result. Unlike the action it replaces, the answer carries no rendered page (decision 026).
 */
export async function submitAttemptRequest(request: Request, attemptId: string): Promise<Reply> {
  const asked = await learnerAndBody(request);
  if ("status" in asked) return asked;
  if (!emptyBodySchema.safeParse(asked.body).success) return refuse(400, "请求无效。请刷新页面后重试。");
  const id = attemptIdSchema.safeParse({ attemptId });
  if (!id.success) return refuse(404, NOT_FOUND);
  const userId = asked.user.id;
  const submitted = await orBusy(() => submitAttempt(userId, id.data.attemptId), SUBMIT_BUSY);
  if ("status" in submitted) return submitted;
  if (!submitted.ok) return refuse(404, NOT_FOUND);
  return { status: 200, body: { ok: true } };
}
