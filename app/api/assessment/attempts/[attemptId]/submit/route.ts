import { submitAttemptRequest } from "@/lib/assessment/requests";

/** 提交: `{}` in, `{ ok: true }` once the attempt is submitted (decision 026). */
export async function POST(request: Request, { params }: { params: Promise<{ attemptId: string }> }) {
  const { status, body } = await submitAttemptRequest(request, (await params).attemptId);
  return Response.json(body, { status, headers: { "cache-control": "no-store, no-transform" } });
}
