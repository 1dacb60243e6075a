"use client";

import { useEffect, useId, useRef, type ReactNode } from "react";
import styles from "./confirm-dialog.module.css";

type Props = {
  open: boolean;
  title: string;
  confirmLabel: string;
  pending: boolean;
  /** A refusal from the server, shown inside the dialog (it stays open). */
  error?: string;
  onConfirm: () => void;
  onClose: () => void;
  children: ReactNode;
};

/**
 * A modal <dialog> (focus kept inside, Esc closes, the page behind is inert) that asks before an
 * action the grader cannot take back. Focus starts on 取消, so Enter never confirms by accident.
 */
export function ConfirmDialog({ open, title, confirmLabel, pending, error, onConfirm, onClose, children }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const id = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      cancelRef.current?.focus();
    } else if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      className={styles.dialog}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      onClose={onClose}
      onCancel={(event) => {
        if (pending) event.preventDefault(); // the release is on its way: wait for its answer
      }}
    >
      <h2 id={`${id}-title`} className={styles.title}>
        {title}
      </h2>
      <div id={`${id}-body`} className={styles.body}>
        {children}
      </div>
      {error ? (
        <p className="form__error" role="alert">
          {error}
        </p>
      ) : null}
      <div className={styles.actions}>
        <button type="button" className="button" onClick={onConfirm} disabled={pending}>
          {pending ? "正在发布…" : confirmLabel}
        </button>
        <button ref={cancelRef} type="button" className="button button--ghost" onClick={onClose} disabled={pending}>
          取消
        </button>
      </div>
    </dialog>
  );
}
