import type { ReactNode } from "react";
import { SiteHeader } from "./site-header";

/** Header and main landmark of every dynamic page (lessons use ClientSiteHeader instead). */
export function SiteFrame({ children }: { children: ReactNode }) {
  return (
    <>
      <SiteHeader />
      <main id="main">{children}</main>
    </>
  );
}
