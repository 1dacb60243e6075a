"use client";

import { useActionState } from "react";
import { verifyBadgeAction } from "@/lib/badges/actions";
import type { BadgeVerdictState } from "@/lib/badges/schema";
import styles from "./badge-upload.module.css";

export function BadgeUploadForm() {
  const [state, action, pending] = useActionState<BadgeVerdictState, FormData>(verifyBadgeAction, null);
  return (
    <form action={action} className="stack">
      <div className="field">
        <label htmlFor="badge-file">电子徽章文件（.jwt，最大 16 KB）</label>
        <input id="badge-file" name="file" type="file" accept=".jwt,.json,.txt,application/vc+jwt,application/jwt,text/plain" />
      </div>
      <div className="field">
        <label htmlFor="badge-text">或粘贴凭证内容</label>
        <textarea id="badge-text" name="credential" rows={4} className={styles.text} spellCheck={false} autoComplete="off" />
      </div>
      <p>
        <button className="button" disabled={pending}>{pending ? "核验中…" : "核验"}</button>
      </p>
      <div aria-live="polite">
        {state === null ? null : state.ok ? (
          <div className={`stack ${styles.verdict}`}>
            <p className={state.kind === "valid" ? styles.valid : styles.invalid} role="status">{state.title}</p>
            {state.lines.length ? <ul className={styles.lines}>{state.lines.map((line) => <li key={line}>{line}</li>)}</ul> : null}
          </div>
        ) : (
          <p className="form__error" role="status">{state.message}</p>
        )}
      </div>
    </form>
  );
}
