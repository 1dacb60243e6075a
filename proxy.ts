import { NextResponse } from "next/server";

// Certificate verification pages and PDFs are never indexed (the pages also carry a robots meta tag).
export function proxy() {
  const response = NextResponse.next();
  response.headers.set("X-Robots-Tag", "noindex, nofollow");
  return response;
}

export const config = { matcher: ["/verify/:path*", "/certificates/:path*"] };
