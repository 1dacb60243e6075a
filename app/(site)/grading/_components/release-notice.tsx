"use client";

import { createContext, useContext, useRef, useState, type ReactNode } from "react";
import styles from "../grading.module.css";

type Notice = { ok: boolean; text: string } | null;
const NoticeContext = createContext<(notice: Notice) => void>(() => undefined);

/** The one place a release's outcome is said; it outlives the row whose button released it. */
export function ReleaseNotice({ children }: { children: ReactNode }) {
  const [notice, setNotice] = useState<Notice>(null);
  const ref = useRef<HTMLParagraphElement>(null);
  const show = (next: Notice) => {
    setNotice(next);
    // The button that opened the dialog may be gone with its row: move focus to the message.
    requestAnimationFrame(() => ref.current?.focus());
  };
  return (
    <NoticeContext.Provider value={show}>
      <p ref={ref} tabIndex={-1} role="status" className={notice ? `${styles.notice} ${notice.ok ? styles.ok : styles.error}` : "visually-hidden"}>
        {notice?.text}
      </p>
      {children}
    </NoticeContext.Provider>
  );
}

export const useReleaseNotice = () => useContext(NoticeContext);
