"use client";

import { useRouter } from "next/navigation";
import { useActionState, useState } from "react";
import { ConfirmDialog, dialogStyles } from "@/components/assessment/confirm-dialog";
import { postStart } from "@/lib/assessment/client";

type Props = {
  label: string;
  /** Attempts not yet used, this one included. */
  attemptsLeft: number;
  timeLimitMinutes: number;
  ghost?: boolean;
};

/** 开始考核 behind a confirmation that says what starting costs: one attempt, and the clock. */
export function StartDialog({ label, attemptsLeft, timeLimitMinutes, ghost }: Props) {
  const [open, setOpen] = useState(false);
  const router = useRouter();
  // The server answers with the attempt's id only; the page is fetched by navigating there (decision 026).
  const [state, action, pending] = useActionState(async () => {
    const started = await postStart();
    if (started.ok) router.push(`/assessment/attempts/${started.attemptId}`);
    return started;
  }, null);
  const opening = pending || state?.ok === true;
  const after = attemptsLeft - 1;
  return (
    <>
      <button type="button" className={`button${ghost ? " button--ghost" : ""}`} onClick={() => setOpen(true)}>
        {label}
      </button>
      <ConfirmDialog open={open} onClose={() => setOpen(false)} title="确认开始结业考核？">
        {(close) => (
          <form action={action} className={dialogStyles.body}>
            <p>开始后计时 {timeLimitMinutes} 分钟，时间到会自动提交已保存的作答。作答随时自动保存，中途离开可以回来继续。</p>
            <p>
              <strong>{after > 0 ? `这将用掉 1 次考核机会，开始后还剩 ${after} 次。` : "这是你最后一次考核机会，开始后不再有剩余次数。"}</strong>
            </p>
            {state && !state.ok ? (
              <p className="form__error" role="alert">
                {state.message}
              </p>
            ) : null}
            <div className={dialogStyles.actions}>
              <button type="button" className="button button--ghost" onClick={() => close()} data-autofocus>
                取消
              </button>
              <button type="submit" className="button" disabled={opening}>
                {opening ? "正在准备考卷…" : "确认开始"}
              </button>
            </div>
          </form>
        )}
      </ConfirmDialog>
    </>
  );
}
