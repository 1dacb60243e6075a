"use client";

import { useEffect, useId, useRef, type ReactNode } from "react";
import styles from "./confirm-dialog.module.css";

type Props = {
  open: boolean;
  /** Called when the dialog closed, whichever way (a button, Esc, a link inside it). */
  onClose: () => void;
  title: string;
  /** The body and the buttons; `close(then)` closes the dialog and moves focus to `then` (default: back to what opened it). */
  children: (close: (then?: HTMLElement | null) => void) => ReactNode;
};

/**
 * A modal confirmation on the native <dialog>: showModal() makes the page behind it inert and
 * closes on Esc; focus starts on the element marked data-autofocus and returns to the opener.
 */
export function ConfirmDialog({ open, onClose, title, children }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const focusAfter = useRef<HTMLElement | null>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      focusAfter.current = null;
      dialog.showModal();
      dialog.querySelector<HTMLElement>("[data-autofocus]")?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  const close = (then?: HTMLElement | null) => {
    focusAfter.current = then ?? null;
    ref.current?.close();
  };

  return (
    <dialog
      ref={ref}
      className={styles.dialog}
      aria-labelledby={titleId}
      onClose={() => {
        // A chosen target (a question the dialog linked to) was scrolled to already.
        if (focusAfter.current) focusAfter.current.focus({ preventScroll: true });
        else opener.current?.focus();
        onClose();
      }}
    >
      <h2 id={titleId} className={styles.title}>
        {title}
      </h2>
      {open ? children(close) : null}
    </dialog>
  );
}

export const dialogStyles = styles;
