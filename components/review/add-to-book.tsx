"use client";

import { useActionState } from "react";
import { addToBookAction } from "@/lib/review/actions";

/** 加入错题本 on a quiz result: the question of this attempt goes into the learner's book. */
export function AddToBook({ attemptId, questionId, inBook }: { attemptId: string; questionId: string; inBook: boolean }) {
  const [state, action, pending] = useActionState(addToBookAction, null);
  if (inBook || state?.ok) return <p className="muted" role="status">{state?.message ?? "已在错题本中。"}</p>;
  return (
    <form action={action}>
      <input type="hidden" name="attemptId" value={attemptId} />
      <input type="hidden" name="questionId" value={questionId} />
      <button className="button button--small button--ghost" type="submit" disabled={pending}>
        {pending ? "正在加入…" : "加入错题本"}
      </button>
      {state && !state.ok ? <span role="alert" className="field__error">{state.message}</span> : null}
    </form>
  );
}
