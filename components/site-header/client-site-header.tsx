"use client";

import { useEffect } from "react";
import { loadUser as readUser, useLearnerStore } from "@/components/course/learner-store";
import type { HeaderUser } from "@/lib/progress/learner-state-types";
import { SiteHeaderView } from "./site-header-view";

/**
 * The header of pages rendered without the session: prerendered lessons (whose learner-state
 * request fills in the user) and the 404/403 pages (which must not read the session, or every
 * route would become dynamic: `loadUser` asks for it). After a client-side navigation from a
 * dynamic page the user is already known.
 */
export function ClientSiteHeader({ loadUser = false }: { loadUser?: boolean }) {
  const user = useLearnerStore((state) => state.user);
  useEffect(() => {
    if (loadUser && user === undefined) void readUser();
  }, [loadUser, user]);
  return <SiteHeaderView user={user} />;
}

/** Keeps the browser's idea of the user in step with what the server header rendered. */
export function RememberUser({ user }: { user: HeaderUser | null }) {
  const setUser = useLearnerStore((state) => state.setUser);
  useEffect(() => setUser(user), [user, setUser]);
  return null;
}
