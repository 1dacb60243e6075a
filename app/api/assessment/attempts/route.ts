import { startAttemptRequest } from "@/lib/assessment/requests";

/** 开始考核: `{}` in, `{ ok: true, attemptId }` once the attempt exists (decision 026). */
export async function POST(request: Request) {
  const { status, body } = await startAttemptRequest(request);
  return Response.json(body, { status, headers: { "cache-control": "no-store, no-transform" } });
}
