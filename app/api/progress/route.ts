import { completeLessonRequest, type CompletionOutcome } from "@/lib/progress/complete";

const STATUS: Record<CompletionOutcome, number> = {
  stored: 200,
  "signed-out": 401,
  "bad-request": 400,
  "unknown-lesson": 404,
  "not-saved": 503,
};

/** A learner completed a lesson: `{ lessonKey }` in, `{ ok: true }` once it is stored. */
export async function POST(request: Request) {
  const { outcome, result } = await completeLessonRequest(request);
  // no-transform: a dozen bytes of JSON are not worth a gzip stream per answer (next start's
  // compression would otherwise open one, not knowing the length of a streamed body).
  return Response.json(result, { status: STATUS[outcome], headers: { "cache-control": "no-store, no-transform" } });
}
