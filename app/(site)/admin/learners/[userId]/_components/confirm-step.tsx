import type { ReactNode } from "react";
import styles from "./learner.module.css";

/** The second step of a consequential button: what will happen, then 确认… or 取消. */
export function ConfirmStep({ id, children, confirmLabel, onCancel }: { id: string; children: ReactNode; confirmLabel: string; onCancel: () => void }) {
  return (
    <>
      <p id={id} className={styles.confirm}>{children}</p>
      <div className={styles.buttons}>
        <button className="button button--small" type="submit" aria-describedby={id}>{confirmLabel}</button>
        <button className="button button--small button--ghost" type="button" onClick={onCancel}>取消</button>
      </div>
    </>
  );
}
