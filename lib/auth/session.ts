import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { auth } from "@/lib/auth/auth";
import { roleSchema, type Role } from "@/lib/auth/roles";
import { sessionIsLive } from "@/lib/auth/session-live";

export type CurrentUser = { id: string; name: string; email: string; role: Role };

// A staff role is never taken from the session-cache cookie (decision 010): a demoted or
// signed-out trainer or admin loses their rights at once. Learners may be read from it.
const fromCookieCacheOk = (user: CurrentUser | null) => !user || user.role === "learner";

/**
 * How to ask better-auth. `verified` reads the session from the database; otherwise it may answer
 * from its signed session-cache cookie, up to its lifetime old. A learner's lookup in a server
 * action writes no cookie (`disableRefresh`): a Set-Cookie there makes Next render the whole page
 * into the action's answer, which with a 30 s cache would be every 30 s of autosaving (decision
 * 010); the session is read from the database instead, and the next route handler renews the cookie.
 */
export function sessionQuery(requestHeaders: Headers, verified: boolean) {
  if (verified) return { disableCookieCache: true };
  return requestHeaders.has("next-action") ? { disableRefresh: true } : undefined;
}

// better-auth's session-cache cookie (`better-auth.session_data`, `__Secure-` prefixed over HTTPS).
const sentCacheCookie = (requestHeaders: Headers) => requestHeaders.get("cookie")?.includes("session_data=") ?? false;

/** Who these request headers are signed in as (see sessionQuery). */
async function sessionUser(requestHeaders: Headers, verified: boolean): Promise<CurrentUser | null> {
  const session = await auth.api.getSession({ headers: requestHeaders, query: sessionQuery(requestHeaders, verified) });
  if (!session) return null;
  const { id, name, email, role } = session.user as typeof session.user & { role?: string };
  const parsedRole = roleSchema.safeParse(role);
  const user: CurrentUser = { id, name, email, role: parsedRole.success ? parsedRole.data : "learner" };
  // A learner answered from the cache cookie: one cheap statement checks that the session was not
  // ended and the user not deactivated since, so the next request after either is refused
  // (decision 036). Staff are read from the database anyway (fromCookieCacheOk).
  if (!verified && user.role === "learner" && sentCacheCookie(requestHeaders) && !(await sessionIsLive(session.session.token))) return null;
  return user;
}

/** The signed-in user of a request outside React's render (route handlers), or null. */
export async function userFromHeaders(requestHeaders: Headers): Promise<CurrentUser | null> {
  const user = await sessionUser(requestHeaders, false);
  return fromCookieCacheOk(user) ? user : sessionUser(requestHeaders, true);
}

/**
 * The signed-in user as the database has them now, or null; cached per request. Every check that
 * grants trainer or admin rights uses this, so a role change or a revoked session applies at once.
 */
export const getVerifiedUser = cache(async (): Promise<CurrentUser | null> => sessionUser(await headers(), true));

/** The signed-in user, or null; cached per request. A learner may come from the cookie cache. */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const user = await sessionUser(await headers(), false);
  return fromCookieCacheOk(user) ? user : getVerifiedUser();
});

/** The id of this request's session as the database has it, or null: the account page's 本机. */
export const getVerifiedSessionId = cache(async (): Promise<string | null> => {
  const session = await auth.api.getSession({ headers: await headers(), query: { disableCookieCache: true } });
  return session?.session.id ?? null;
});
