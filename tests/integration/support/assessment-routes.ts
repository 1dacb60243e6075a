// The 结业考核 page's requests, as its fetches send them (lib/assessment/client.ts): JSON to
// the route handlers, with the browser's cookies (or none; some suites replace the session).
import { POST as startRoute } from "@/app/api/assessment/attempts/route";
import { POST as saveRoute } from "@/app/api/assessment/attempts/[attemptId]/answers/route";
import { POST as submitRoute } from "@/app/api/assessment/attempts/[attemptId]/submit/route";
import { ORIGIN } from "./browser-session";

export type RouteAnswer = { status: number; body: { ok: boolean; message?: string; closed?: boolean; savedAt?: string; attemptId?: string } };

function request(path: string, cookie: string | null, body: string, contentType: string) {
  const headers = new Headers({ "content-type": contentType, origin: ORIGIN });
  if (cookie) headers.set("cookie", cookie);
  return new Request(`${ORIGIN}${path}`, { method: "POST", headers, body });
}

async function answer(response: Response): Promise<RouteAnswer> {
  return { status: response.status, body: (await response.json()) as RouteAnswer["body"] };
}

/** An autosave of `attemptId`: `body` as sent (an object is sent as JSON). */
export async function postSave(attemptId: string, body: unknown, { cookie = null as string | null, contentType = "application/json" } = {}) {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  return answer(await saveRoute(request(`/api/assessment/attempts/${attemptId}/answers`, cookie, text, contentType), { params: Promise.resolve({ attemptId }) }));
}

/** 开始考核. */
export async function postStart({ cookie = null as string | null, body = "{}", contentType = "application/json" } = {}) {
  return answer(await startRoute(request("/api/assessment/attempts", cookie, body, contentType)));
}

/** 提交 of `attemptId`. */
export async function postSubmit(attemptId: string, { cookie = null as string | null, body = "{}", contentType = "application/json" } = {}) {
  return answer(await submitRoute(request(`/api/assessment/attempts/${attemptId}/submit`, cookie, body, contentType), { params: Promise.resolve({ attemptId }) }));
}
