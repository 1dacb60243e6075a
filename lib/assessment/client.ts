import type { AnswerValue } from "@/lib/assessment/schema";
import type { IntegrityEvent } from "@/lib/assessment/integrity";

// The 结业考核 page's requests to its route handlers (decision 026). Same-origin JSON, as
// POST /api/progress (decision 012); the answers' zh-CN messages come from the server.

export type SaveReply = { ok: true; savedAt: string } | { ok: false; message: string; closed?: boolean };
export type StartReply = { ok: true; attemptId: string } | { ok: false; message: string };

type Answer = Partial<{ ok: boolean; message: string; closed: boolean; savedAt: string; attemptId: string }> | null;

async function postJson(url: string, body: unknown): Promise<{ response: Response; answer: Answer }> {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body), cache: "no-store" });
  return { response, answer: (await response.json().catch(() => null)) as Answer };
}

/**
 * An autosave: `{ ok: true }` only once the server stored it. Throws when no answer of the route
 * came back (network down, server restarting, a proxy's error page): the saver keeps the answers
 * in this browser and tries again.
 */
export async function postAnswers(attemptId: string, save: { answers: { itemKey: string; value: AnswerValue | undefined }[]; integrity?: IntegrityEvent[] }): Promise<SaveReply> {
  const { response, answer } = await postJson(`/api/assessment/attempts/${encodeURIComponent(attemptId)}/answers`, save);
  if (response.ok && answer?.ok === true && typeof answer.savedAt === "string") return { ok: true, savedAt: answer.savedAt };
  if (answer?.ok === false && typeof answer.message === "string") return { ok: false, message: answer.message, ...(answer.closed === true ? { closed: true } : {}) };
  throw new Error(`autosave not answered (HTTP ${response.status})`);
}

const START_UNREACHABLE = "网络连接失败，考核没有开始。请检查网络后重试。";

/** 开始考核: the attempt to open (drawn now, or the one already open), or why not. */
export async function postStart(): Promise<StartReply> {
  try {
    const { response, answer } = await postJson("/api/assessment/attempts", {});
    if (response.ok && answer?.ok === true && typeof answer.attemptId === "string") return { ok: true, attemptId: answer.attemptId };
    if (answer?.ok === false && typeof answer.message === "string") return { ok: false, message: answer.message };
    return { ok: false, message: START_UNREACHABLE };
  } catch {
    return { ok: false, message: START_UNREACHABLE };
  }
}

const SUBMIT_UNREACHABLE = "网络异常，答卷尚未提交。你的作答已保存在本机，请联网后再点提交。";

/** 提交: `{ ok: true }` once the attempt is submitted, or why not (in zh-CN). */
export async function postSubmit(attemptId: string): Promise<{ ok: true } | { ok: false; message: string }> {
  try {
    const { response, answer } = await postJson(`/api/assessment/attempts/${encodeURIComponent(attemptId)}/submit`, {});
    if (response.ok && answer?.ok === true) return { ok: true };
    if (answer?.ok === false && typeof answer.message === "string") return { ok: false, message: answer.message };
    return { ok: false, message: SUBMIT_UNREACHABLE };
  } catch {
    return { ok: false, message: SUBMIT_UNREACHABLE };
  }
}
