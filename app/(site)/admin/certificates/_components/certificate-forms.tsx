"use client";

import { useActionState } from "react";
import { reinstateAction, revokeAction } from "@/lib/certificates/actions";
import type { CertificateFormState } from "@/lib/certificates/schema";

const Status = ({ state }: { state: CertificateFormState }) =>
  state ? <p className={state.ok ? "muted" : "form__error"} role="status">{state.message}</p> : null;

export function RevokeForm({ certificateId }: { certificateId: string }) {
  const [state, action, pending] = useActionState<CertificateFormState, FormData>(revokeAction, null);
  return (
    <form action={action} className="stack">
      <input type="hidden" name="certificateId" value={certificateId} />
      <label className="visually-hidden" htmlFor={`reason-${certificateId}`}>撤销原因</label>
      <input id={`reason-${certificateId}`} name="reason" placeholder="撤销原因" required minLength={2} maxLength={200} />
      <button className="button button--ghost button--small" disabled={pending}>撤销</button>
      <Status state={state} />
    </form>
  );
}

export function ReinstateForm({ certificateId }: { certificateId: string }) {
  const [state, action, pending] = useActionState<CertificateFormState, FormData>(reinstateAction, null);
  return (
    <form action={action}>
      <input type="hidden" name="certificateId" value={certificateId} />
      <button className="button button--ghost button--small" disabled={pending}>恢复有效</button>
      <Status state={state} />
    </form>
  );
}
