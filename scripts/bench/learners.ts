// Signing in for the measurements.
import { BASE } from "./env";

/** Signs in over HTTP (demo accounts); returns the Cookie header value. */
export async function signIn(email: string, password: string): Promise<string> {
  const res = await fetch(`${BASE}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: BASE },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`sign-in of ${email} failed: ${res.status} ${await res.text()}`);
  return res.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
}

/** "__Secure-better-auth.session_token" in production: taken from a cookie the server set. */
export function sessionCookieName(cookie: string): string {
  const name = cookie.split("; ").map((c) => c.slice(0, c.indexOf("="))).find((n) => n.endsWith("session_token"));
  if (!name) throw new Error(`no session cookie in "${cookie}"`);
  return name;
}
