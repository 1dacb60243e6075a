"use client";

import { useActionState } from "react";
import { pickDoubleGradingAction } from "@/lib/grading/actions";
import type { GradeFormState } from "@/lib/grading/schema";

/** 设为双评: before anyone grades, a trainer sends this attempt to two blind graders. */
export function PickDouble({ attemptId }: { attemptId: string }) {
  const [state, action, pending] = useActionState<GradeFormState, FormData>(pickDoubleGradingAction, null);
  return (
    <form action={action} className="stack">
      <input type="hidden" name="attemptId" value={attemptId} />
      <p className="muted">
        需要两位批阅人独立评分时（例如成绩临界、有争议），可在开始批阅前设为双评。
      </p>
      <p>
        <button type="submit" className="button button--ghost" disabled={pending}>
          {pending ? "正在设置…" : "设为双评"}
        </button>
      </p>
      {state ? (
        <p className={state.ok ? "grade-form__ok" : "form__error"} role={state.ok ? "status" : "alert"}>
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
