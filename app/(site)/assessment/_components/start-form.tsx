"use client";

import { useActionState } from "react";
import { startAssessment } from "@/lib/assessment/actions";

export function StartForm({ label }: { label: string }) {
  const [state, action, pending] = useActionState(async () => startAssessment(), null);
  return (
    <form action={action} className="stack">
      {state && !state.ok ? (
        <p className="form__error" role="alert">
          {state.message}
        </p>
      ) : null}
      <button type="submit" className="button" disabled={pending}>
        {pending ? "正在准备考卷…" : label}
      </button>
    </form>
  );
}
