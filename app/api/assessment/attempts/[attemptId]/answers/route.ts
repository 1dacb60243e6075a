import { saveAnswersRequest } from "@/lib/assessment/requests";

/** Autosave: `{ answers, integrity? }` in, `{ ok: true, savedAt }` once stored (decision 026). */
export async function POST(request: Request, { params }: { params: Promise<{ attemptId: string }> }) {
  const { status, body } = await saveAnswersRequest(request, (await params).attemptId);
  // no-transform: as POST /api/progress, a few bytes of JSON are not worth a gzip stream.
  return Response.json(body, { status, headers: { "cache-control": "no-store, no-transform" } });
}
