import { getSessionCookie } from "better-auth/cookies";
import { NextResponse, type NextRequest } from "next/server";
import { LESSON_CACHE_CONTROL, REDIRECT_CACHE_CONTROL, createNonce, securityHeaders, type InlineSource } from "@/lib/security/headers";
import { rejectMalformed } from "@/lib/security/malformed";
import { isLessonPath, prerenderedHashes } from "@/lib/security/prerendered";

// Every page and route gets the security headers. Pages rendered per request get a fresh CSP
// nonce: Next reads it from the request's Content-Security-Policy header and puts it on its own
// scripts. Prerendered lesson pages get the hashes of their inline scripts instead (decision 011).
export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const dev = process.env.NODE_ENV === "development";
  // First: a request the framework cannot read gets a zh-CN 4xx instead of Next's 500.
  const malformed = await rejectMalformed(request);
  if (malformed) return withHeaders(malformed, securityHeaders({ source: { nonce: createNonce() }, pathname, dev }));
  const lesson = isLessonPath(pathname);

  // A lesson's HTML never reads the session, so the sign-in check happens here. Only the cookie's
  // presence: the page holds no one's data, and its learner-state request checks the session itself.
  if (lesson && !getSessionCookie(request)) {
    const signIn = new URL(`/sign-in?next=${encodeURIComponent(pathname)}`, request.url);
    const redirect = withHeaders(NextResponse.redirect(signIn), securityHeaders({ source: { nonce: createNonce() }, pathname, dev }));
    redirect.headers.set("Cache-Control", REDIRECT_CACHE_CONTROL);
    return redirect;
  }

  const hashes = lesson && !dev ? prerenderedHashes(pathname) : null;
  const source: InlineSource = hashes ? { hashes } : { nonce: createNonce() };
  const headers = securityHeaders({ source, pathname, dev });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", headers["Content-Security-Policy"]);
  const response = withHeaders(NextResponse.next({ request: { headers: requestHeaders } }), headers);
  if (lesson) response.headers.set("Cache-Control", LESSON_CACHE_CONTROL);
  return response;
}

function withHeaders<R extends Response>(response: R, headers: Record<string, string>) {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

// Hashed build assets are immutable files served with their own content type; nothing to nonce.
export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"] };
