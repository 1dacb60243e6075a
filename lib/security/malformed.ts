import { actionBodyProblem } from "@/lib/security/action-body";
import { z } from "@/lib/zod";

// Requests that Next itself would answer with a 500 (an exception while reading the request, before
// any page or action of ours runs) are refused here, first thing in the proxy, with a 4xx and a
// zh-CN message. The limits mirror the framework's own.

/** Next's default `serverActions.bodySizeLimit` (next.config.ts does not raise it); no form here needs more. */
export const MAX_BODY_BYTES = 1024 * 1024;
/** Next refuses a larger router-state header (about 2,000 segments). */
const MAX_ROUTER_STATE = 40_000;

// Next 16's flightRouterStateSchema (server/app-render/types.js), which it asserts on every RSC
// request: [segment, parallel routes, url/refresh, refetch marker, prefetch hint, head key].
const segment = z.union([z.string(), z.tuple([z.string(), z.string(), z.string(), z.array(z.string()).nullable()])]);
type RouterState = [unknown, Record<string, RouterState>, ...unknown[]];
const routerState: z.ZodType<RouterState> = z.lazy(() =>
  z.tuple([
    segment,
    z.record(z.string(), routerState),
    z.tuple([z.string(), z.string()]).nullable().optional(),
    z.enum(["refetch", "inside-shared-layout", "metadata-only"]).nullable().optional(),
    z.number().nullable().optional(),
    z.string().optional(),
  ]),
) as z.ZodType<RouterState>;

function decodes(text: string): boolean {
  try {
    decodeURIComponent(text);
    return true;
  } catch {
    return false;
  }
}

function validRouterState(header: string): boolean {
  if (header.length > MAX_ROUTER_STATE) return false;
  try {
    return routerState.safeParse(JSON.parse(decodeURIComponent(header))).success;
  } catch {
    return false;
  }
}

function refuse(request: Request, status: number, message: string): Response {
  const wantsJson = new URL(request.url).pathname.startsWith("/api/") || request.headers.get("accept")?.includes("application/json");
  const headers = { "Cache-Control": "no-store" };
  return wantsJson
    ? Response.json({ ok: false, message }, { status, headers })
    : new Response(message, { status, headers: { ...headers, "Content-Type": "text/plain; charset=utf-8" } });
}

/** A 4xx for a request the framework cannot read, or null to let it through. */
export async function rejectMalformed(request: Request): Promise<Response | null> {
  const { pathname } = new URL(request.url);
  if (!decodes(pathname)) return refuse(request, 400, "网址编码有误（% 后须是两位十六进制数），请检查链接。");

  const length = request.headers.get("content-length");
  if (length !== null && !/^\d+$/.test(length.trim())) return refuse(request, 400, "请求长度无效。");
  if (length !== null && Number(length) > MAX_BODY_BYTES) return refuse(request, 413, "提交的内容太大（超过 1 MB），未处理。");

  const state = request.headers.get("next-router-state-tree");
  if (state !== null && !validRouterState(state)) return refuse(request, 400, "页面导航数据无效，请刷新页面后重试。");

  const body = await actionBodyProblem(request, MAX_BODY_BYTES);
  if (body === "too-large") return refuse(request, 413, "提交的内容太大（超过 1 MB），未处理。");
  if (body === "unreadable") return refuse(request, 400, "提交的数据格式不正确，未处理。请刷新页面后重试。");
  return null;
}
