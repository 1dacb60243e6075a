import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { auth } from "@/lib/auth/auth";
import { safeNextPath } from "@/lib/auth/next-path";
import { roleSchema, type Role } from "@/lib/auth/roles";

export type CurrentUser = { id: string; name: string; email: string; role: Role };

/** The signed-in user, or null. Cached per request. */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await auth.api.getSession({ headers: await headers() });
  if (!session) return null;
  const { id, name, email, role } = session.user as typeof session.user & { role?: string };
  const parsedRole = roleSchema.safeParse(role);
  return { id, name, email, role: parsedRole.success ? parsedRole.data : "learner" };
});

/** The signed-in user; otherwise a redirect to sign-in that comes back to `returnTo`. */
export async function requireUser(returnTo: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(safeNextPath(returnTo))}`);
  return user;
}

/** The signed-in user with one of `roles`; others get the zh-CN 403 page. */
export async function requireRole(roles: Role[], returnTo: string): Promise<CurrentUser> {
  const user = await requireUser(returnTo);
  if (!roles.includes(user.role)) forbidden();
  return user;
}
