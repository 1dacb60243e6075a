import type { ReactNode } from "react";
import { StaffNav } from "@/components/staff-nav";
import { staffLinks } from "@/lib/admin/staff-links";
import { verifiedUserOrNull } from "@/lib/auth/guards";
import { mayGrade, scopeOf } from "@/lib/auth/scope";
import styles from "./staff-page.module.css";

/**
 * The frame of every staff page (a layout's body): the staff navigation, and with `wide` a page
 * as wide as a desk screen for tables and side-by-side panes. Each page still checks its own
 * access; a signed-out or learner request gets the page alone (its redirect or 403). A department
 * head sees only the links they may use, and a notice while they have no department.
 */
export async function StaffPage({ wide = false, children }: { wide?: boolean; children: ReactNode }) {
  const user = await verifiedUserOrNull();
  const scope = user ? await scopeOf(user) : null;
  if (!user || !scope) return children;
  return (
    <div className={wide ? styles.wide : undefined}>
      <StaffNav links={staffLinks({ role: user.role, canGrade: mayGrade(scope) })} />
      {scope.kind === "department" && !scope.departmentId ? (
        <p className="card" role="status">尚未分配部门：管理员为你设置所属部门后，你才能在这里看到本部门的学员。</p>
      ) : null}
      {children}
    </div>
  );
}
