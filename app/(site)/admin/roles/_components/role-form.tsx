"use client";

import { useActionState, useState } from "react";
import { changeRoleAction } from "@/lib/admin/actions";
import { ROLE_LABELS, ROLES, type Role } from "@/lib/auth/roles";
import styles from "./roles.module.css";
import { ActionStatus } from "@/components/action-status";

export type DepartmentOption = { id: string; label: string };

type Props = {
  userId: string;
  name: string;
  role: Role;
  departmentId: string | null;
  canGrade: boolean;
  /** The pickable departments in tree order (plus the user's own, when it is archived). */
  departments: DepartmentOption[];
};

/** One user's role, department and, for a 部门负责人, 批阅权限 (their subtree's attempts). */
export function RoleForm({ userId, name, role, departmentId, canGrade, departments }: Props) {
  const [state, action, pending] = useActionState(changeRoleAction, null);
  const [chosen, setChosen] = useState<Role>(role);
  return (
    <form action={action} className={styles.form}>
      <input type="hidden" name="userId" value={userId} />
      <select name="role" defaultValue={role} aria-label={`${name}的角色`} onChange={(e) => setChosen(e.target.value as Role)}>
        {ROLES.map((r) => <option key={r} value={r}>{ROLE_LABELS[r]}</option>)}
      </select>
      <select name="departmentId" defaultValue={departmentId ?? ""} aria-label={`${name}的部门`} className={styles.department}>
        <option value="">无部门</option>
        {departments.map((d) => <option key={d.id} value={d.id}>{d.label}</option>)}
      </select>
      {chosen === "dept_head" ? (
        <label className={styles.check}>
          <input type="checkbox" name="canGrade" defaultChecked={canGrade} aria-label={`${name}的批阅权限`} />
          批阅权限
        </label>
      ) : null}
      <button className="button button--small" type="submit" disabled={pending}>
        {pending ? "保存中…" : "保存"}
      </button>
      <ActionStatus state={state} />
    </form>
  );
}
