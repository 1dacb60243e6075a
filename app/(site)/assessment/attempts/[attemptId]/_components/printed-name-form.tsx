"use client";

import { useActionState } from "react";
import { printedNameAction } from "@/lib/certificates/actions";
import { PERSON_NAME_MAX } from "@/lib/auth/schema";
import type { CertificateFormState } from "@/lib/certificates/schema";

export function PrintedNameForm({ attemptId, printedName, confirmed }: { attemptId: string; printedName: string; confirmed: boolean }) {
  const [state, action, pending] = useActionState<CertificateFormState, FormData>(printedNameAction, null);
  return (
    <form action={action} className="stack">
      <input type="hidden" name="attemptId" value={attemptId} />
      <div className="field">
        <label htmlFor="printedName">证书上打印的姓名{confirmed ? "（已确认）" : "（请确认或修改）"}</label>
        <input id="printedName" name="printedName" defaultValue={printedName} maxLength={PERSON_NAME_MAX * 2 /* UTF-16 units; the server counts characters */} required aria-invalid={state?.ok === false} />
      </div>
      <p>
        <button className="button button--ghost button--small" disabled={pending}>{confirmed ? "修改姓名" : "确认姓名"}</button>
      </p>
      {state ? <p className={state.ok ? "muted" : "form__error"} role="status">{state.message}</p> : null}
    </form>
  );
}
