"use client";

import { useActionState } from "react";
import { changeRoleAction } from "@/lib/admin/actions";
import { ROLE_LABELS, ROLES, type Role } from "@/lib/auth/roles";
import styles from "./roles.module.css";

export function RoleForm({ userId, role, name }: { userId: string; role: Role; name: string }) {
  const [state, action, pending] = useActionState(changeRoleAction, null);
  return (
    <form action={action} className={styles.form}>
      <input type="hidden" name="userId" value={userId} />
      <select name="role" defaultValue={role} aria-label={`${name}的角色`}>
        {ROLES.map((r) => <option key={r} value={r}>{ROLE_LABELS[r]}</option>)}
      </select>
      <button className="button button--small" type="submit" disabled={pending}>
        {pending ? "保存中…" : "保存"}
      </button>
      <span role="status" className={state ? (state.ok ? styles.ok : "field__error") : undefined}>
        {state?.message}
      </span>
    </form>
  );
}
