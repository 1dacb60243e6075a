import styles from "./action-status.module.css";

export type ActionState = { ok: boolean; message: string } | null;

/** The line under a staff form that reads out (role=status) what its server action answered. */
export function ActionStatus({ state, block = false }: { state: ActionState | undefined; block?: boolean }) {
  const Tag = block ? "p" : "span";
  return (
    <Tag role="status" className={state ? (state.ok ? styles.ok : "field__error") : undefined}>
      {state?.message}
    </Tag>
  );
}
