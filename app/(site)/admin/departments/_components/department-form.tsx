"use client";

import { useActionState, type ReactNode } from "react";
import { departmentAction } from "@/lib/departments/actions";
import styles from "./departments.module.css";
import { ActionStatus } from "@/components/action-status";

/** One change of the tree (its `intent`), with the answer read out beside the button. */
export function DepartmentForm({ intent, id, submitLabel, children, danger }: { intent: string; id?: string; submitLabel: string; children?: ReactNode; danger?: boolean }) {
  const [state, action, pending] = useActionState(departmentAction, null);
  return (
    <form action={action} className={styles.form}>
      <input type="hidden" name="intent" value={intent} />
      {id ? <input type="hidden" name="id" value={id} /> : null}
      {children}
      <button className={`button button--small${danger ? " button--ghost" : ""}`} type="submit" disabled={pending}>
        {pending ? "保存中…" : submitLabel}
      </button>
      <ActionStatus state={state} />
    </form>
  );
}
