import type { ReactNode } from "react";
import { StaffNav } from "@/components/staff-nav";
import { verifiedUserOrNull } from "@/lib/auth/guards";
import { isStaff } from "@/lib/auth/roles";
import styles from "./staff-page.module.css";

/**
 * The frame of every staff page (a layout's body): the staff navigation, and with `wide` a page
 * as wide as a desk screen for tables and side-by-side panes. Each page still checks its own
 * access; a signed-out or learner request gets the page alone (its redirect or 403).
 */
export async function StaffPage({ wide = false, children }: { wide?: boolean; children: ReactNode }) {
  const user = await verifiedUserOrNull();
  if (!user || !isStaff(user.role)) return children;
  return (
    <div className={wide ? styles.wide : undefined}>
      <StaffNav role={user.role} />
      {children}
    </div>
  );
}
