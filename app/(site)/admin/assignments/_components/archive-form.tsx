"use client";

import { useActionState } from "react";
import { archiveAssignmentAction } from "@/lib/assignments/actions";
import styles from "./assignments.module.css";
import { ActionStatus } from "@/components/action-status";

export function ArchiveForm({ id, archived }: { id: string; archived: boolean }) {
  const [state, action, pending] = useActionState(archiveAssignmentAction, null);
  return (
    <form action={action} className={styles.inline}>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="archived" value={archived ? "false" : "true"} />
      <button className="button button--ghost button--small" type="submit" disabled={pending}>
        {archived ? "恢复任务" : "归档任务"}
      </button>
      <ActionStatus state={state} />
    </form>
  );
}
