import type { ReactNode } from "react";
import { ClientSiteHeader } from "@/components/site-header/client-site-header";

// Lesson pages are prerendered, the same HTML for every learner (fast to serve, see decision
// 011): the header and everything learner-specific are filled in by the browser.
export default function LessonGroupLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <ClientSiteHeader />
      <main id="main">{children}</main>
    </>
  );
}
