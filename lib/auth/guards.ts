import "server-only";
import { forbidden, redirect } from "next/navigation";
import { safeNextPath } from "@/lib/auth/next-path";
import { isStaff } from "@/lib/auth/roles";
import { getCurrentUser, getVerifiedUser, userFromHeaders, type CurrentUser } from "@/lib/auth/session";

// The one place that says who may do what. Pages use the require* guards (sign-in redirect, or
// the zh-CN 403 page); actions and route handlers use the *OrNull checks and answer null with
// their own zh-CN refusal. Staff rights always come from the database (decision 010).

const signIn = (returnTo: string): never => redirect(`/sign-in?next=${encodeURIComponent(safeNextPath(returnTo))}`);

/** A page for any signed-in user; others go to sign-in and come back to `returnTo`. */
export async function requireUser(returnTo: string): Promise<CurrentUser> {
  return (await getCurrentUser()) ?? signIn(returnTo);
}

/** A page for trainers and admins; learners get the 403 page. */
export async function requireStaff(returnTo: string): Promise<CurrentUser> {
  const user = (await getVerifiedUser()) ?? signIn(returnTo);
  if (!isStaff(user.role)) forbidden();
  return user;
}

/** A page for admins only. */
export async function requireAdmin(returnTo: string): Promise<CurrentUser> {
  const user = (await getVerifiedUser()) ?? signIn(returnTo);
  if (user.role !== "admin") forbidden();
  return user;
}

/** The signed-in user of an action, or null (a learner may be read from the cookie cache). */
export const userOrNull = (): Promise<CurrentUser | null> => getCurrentUser();

/** The signed-in user of a route handler's request, or null (a learner may come from the cookie cache). */
export const requestUserOrNull = (request: Request): Promise<CurrentUser | null> => userFromHeaders(request.headers);

/** The signed-in user as the database has them now, or null: for owner checks that staff share. */
export const verifiedUserOrNull = (): Promise<CurrentUser | null> => getVerifiedUser();

/** A trainer or admin (checked in the database), or null. */
export async function staffOrNull(): Promise<CurrentUser | null> {
  const user = await getVerifiedUser();
  return user && isStaff(user.role) ? user : null;
}

/** An admin (checked in the database), or null. */
export async function adminOrNull(): Promise<CurrentUser | null> {
  const user = await getVerifiedUser();
  return user?.role === "admin" ? user : null;
}
