import type { ReactNode } from "react";
import { SiteHeader } from "@/components/site-header/site-header";

// Every page rendered per request: the header comes with the session from the server.
export default function SiteLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <SiteHeader />
      <main id="main">{children}</main>
    </>
  );
}
