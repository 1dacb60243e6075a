"use client";

import { useEffect } from "react";
import { useLearnerStore } from "@/components/course/learner-store";
import type { HeaderUser } from "@/lib/progress/learner-state-types";
import { SiteHeaderView } from "./site-header-view";

/**
 * The header of prerendered lesson pages: the page's learner-state request fills in the user.
 * After a client-side navigation from a dynamic page the user is already known.
 */
export function ClientSiteHeader() {
  return <SiteHeaderView user={useLearnerStore((state) => state.user)} />;
}

/** Keeps the browser's idea of the user in step with what the server header rendered. */
export function RememberUser({ user }: { user: HeaderUser | null }) {
  const setUser = useLearnerStore((state) => state.setUser);
  useEffect(() => setUser(user), [user, setUser]);
  return null;
}
