import { NextResponse, type NextRequest } from "next/server";
import { createNonce, securityHeaders } from "@/lib/security/headers";

// Every page and route gets the security headers, with a fresh CSP nonce per request. Next reads
// the nonce from the request's Content-Security-Policy header and puts it on its own scripts,
// which is why pages must render per request (they do: the site header reads the session).
export function proxy(request: NextRequest) {
  const headers = securityHeaders({
    nonce: createNonce(),
    pathname: request.nextUrl.pathname,
    dev: process.env.NODE_ENV === "development",
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", headers["Content-Security-Policy"]);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

// Hashed build assets are immutable files served with their own content type; nothing to nonce.
export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"] };
