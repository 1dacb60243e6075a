"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect, useRef } from "react";
import { saveGradeAction } from "@/lib/grading/actions";
import type { RubricItem, Scores } from "@/lib/assessment/scoring";
import type { GradeFormState } from "@/lib/grading/schema";

type Props = { attemptId: string; version: number; items: RubricItem[]; scores: Scores; comment: string; nextHref?: string };

/**
 * Keyboard-first: Tab walks score → comment → next criterion; Ctrl+Enter finalises;
 * Alt+N opens the next attempt in the queue.
 */
export function GradeForm({ attemptId, version, items, scores, comment, nextHref }: Props) {
  const router = useRouter();
  const [state, action, pending] = useActionState<GradeFormState, FormData>(saveGradeAction, null);
  const finaliseRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.altKey && event.key.toLowerCase() === "n" && nextHref) {
        event.preventDefault();
        router.push(nextHref);
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [nextHref, router]);

  const errors = state?.errors ?? {};
  const parts = [2, 3] as const;
  return (
    <form
      action={action}
      className="stack grade-form"
      onKeyDown={(event) => {
        if ((event.ctrlKey || event.metaKey) && event.key === "Enter") {
          event.preventDefault();
          finaliseRef.current?.click();
        }
      }}
    >
      <input type="hidden" name="attemptId" value={attemptId} />
      <input type="hidden" name="version" value={state?.version ?? version} />
      {parts.map((part) => {
        const partItems = items.filter((i) => i.part === part);
        return (
          <fieldset key={part} className="card stack">
            <legend className="grade-form__legend">
              {part === 2 ? "第二部分 评分细则" : "第三部分 评分细则"}（满分 {partItems.reduce((s, i) => s + i.max, 0)}）
            </legend>
            {partItems.map((item) => (
              <div key={item.key} className="grade-item">
                <label htmlFor={`points-${item.key}`} className="grade-item__label">
                  {item.criterion}（0–{item.max} 分）
                </label>
                <p className="muted grade-item__guide">{item.guide}</p>
                <div className="grade-item__inputs">
                  <input
                    id={`points-${item.key}`}
                    name={`points:${item.key}`}
                    type="number"
                    inputMode="decimal"
                    min={0}
                    max={item.max}
                    step={0.5}
                    defaultValue={scores[item.key]?.points ?? ""}
                    aria-invalid={errors[item.key] ? true : undefined}
                    aria-describedby={errors[item.key] ? `error-${item.key}` : undefined}
                  />
                  <input
                    name={`comment:${item.key}`}
                    aria-label={`${item.criterion} 的评语`}
                    placeholder="评语（选填）"
                    defaultValue={scores[item.key]?.comment ?? ""}
                    maxLength={2000}
                  />
                </div>
                {errors[item.key] ? (
                  <p id={`error-${item.key}`} className="field__error">
                    {errors[item.key]}
                  </p>
                ) : null}
              </div>
            ))}
          </fieldset>
        );
      })}
      <div className="field">
        <label htmlFor="comment">总评（学员可见）</label>
        <textarea id="comment" name="comment" rows={3} defaultValue={comment} maxLength={5000} />
      </div>
      {state ? (
        <p className={state.ok ? "grade-form__ok" : "form__error"} role={state.ok ? "status" : "alert"}>
          {state.message}
        </p>
      ) : null}
      <div className="grade-form__actions">
        <button type="submit" name="intent" value="draft" className="button button--ghost" disabled={pending}>
          保存草稿
        </button>
        <button ref={finaliseRef} type="submit" name="intent" value="finalise" className="button" disabled={pending}>
          {pending ? "正在保存…" : "完成批阅"}
        </button>
        {nextHref ? (
          <a href={nextHref} className="button button--ghost">
            下一份答卷
          </a>
        ) : null}
      </div>
      <p className="muted">快捷键：Tab 跳到下一项，Ctrl+Enter 完成批阅，Alt+N 下一份答卷。</p>
    </form>
  );
}
