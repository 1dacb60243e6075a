"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect, useMemo, useRef, useState, type FormEvent } from "react";
import { OUTCOME_LABELS } from "@/lib/assessment/schema";
import { formatScore, gradeFromRubric, rubricSubtotals, type GradeConfig, type RubricItem, type Scores } from "@/lib/assessment/scoring";
import { saveGradeAction } from "@/lib/grading/actions";
import { scoreErrors } from "@/lib/grading/grade";
import type { GradeFormState } from "@/lib/grading/schema";
import { GradeSummary } from "./grade-summary";

type Props = {
  attemptId: string;
  version: number;
  items: RubricItem[];
  scores: Scores;
  comment: string;
  nextHref?: string;
  /** The auto-scored parts as stored at submission, and the case's choice points in all. */
  auto: { part1Score: number; part2AutoPoints: number; part2AutoMax: number };
  config: GradeConfig;
  /** Where the form saves: the single grade (default) or a blind / moderator grade (decision 043). */
  action?: (state: GradeFormState, form: FormData) => Promise<GradeFormState>;
  /** Criteria already settled (a moderator's agreed ones): shown with their points, not editable. */
  locked?: Scores;
  /** Lines shown above a criterion's inputs (a moderator sees both graders' points). */
  hints?: Record<string, string[]>;
};

/** The points typed so far (empty fields are "not scored yet", as the server reads them). */
function readPoints(form: HTMLFormElement, items: RubricItem[]): Scores {
  const scores: Scores = {};
  for (const item of items) {
    const input = form.elements.namedItem(`points:${item.key}`);
    if (!(input instanceof HTMLInputElement)) continue;
    if (input.validity.badInput) scores[item.key] = { points: Number.NaN, comment: "" };
    else if (input.value.trim() !== "") scores[item.key] = { points: Number(input.value), comment: "" };
  }
  return scores;
}

/**
 * The grade as it would be finalised now, with the server's own pure functions (scoreErrors,
 * gradeFromRubric): invalid points are flagged at once and left out of the projection.
 */
function useProjection(items: RubricItem[], points: Scores, auto: Props["auto"], config: GradeConfig) {
  return useMemo(() => {
    const errors = scoreErrors(items, points, false);
    const valid: Scores = Object.fromEntries(Object.entries(points).filter(([key]) => !Object.hasOwn(errors, key)));
    return {
      errors,
      subtotals: rubricSubtotals(items, valid),
      grade: gradeFromRubric(items, auto, valid, config),
      scored: Object.keys(valid).length,
      invalid: Object.keys(errors).length,
    };
  }, [items, points, auto, config]);
}

/**
 * Keyboard-first: Tab walks score → comment → next criterion; Ctrl+Enter finalises;
 * Alt+N opens the next attempt in the queue.
 */
export function GradeForm({ attemptId, version, items, scores, comment, nextHref, auto, config, action: save = saveGradeAction, locked = {}, hints = {} }: Props) {
  const router = useRouter();
  const [state, action, pending] = useActionState<GradeFormState, FormData>(save, null);
  const finaliseRef = useRef<HTMLButtonElement>(null);
  const [points, setPoints] = useState<Scores>(scores);
  const withLocked = useMemo(() => ({ ...locked, ...points }), [locked, points]);
  const projection = useProjection(items, withLocked, auto, config);
  // A server refusal stays beside its criterion until the grader edits that criterion.
  const [answered, setAnswered] = useState(state);
  const [edited, setEdited] = useState<ReadonlySet<string>>(new Set());
  if (answered !== state) {
    setAnswered(state);
    setEdited(new Set());
  }

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

  const serverErrors = state?.errors ?? {};
  const errorOf = (key: string): string | undefined =>
    projection.errors[key] ?? (edited.has(key) || !Object.hasOwn(serverErrors, key) ? undefined : serverErrors[key]);
  const onInput = (event: FormEvent<HTMLFormElement>) => {
    const target = event.target;
    if (!(target instanceof HTMLInputElement) || !target.name.startsWith("points:")) return;
    const key = target.name.slice("points:".length);
    setEdited((prev) => (prev.has(key) ? prev : new Set(prev).add(key)));
    setPoints(readPoints(event.currentTarget, items));
  };
  const { grade } = projection;
  const parts = [2, 3] as const;
  return (
    <form
      action={action}
      className="stack grade-form"
      onInput={onInput}
      onKeyDown={(event) => {
        if ((event.ctrlKey || event.metaKey) && event.key === "Enter") {
          event.preventDefault();
          finaliseRef.current?.click();
        }
      }}
    >
      <input type="hidden" name="attemptId" value={attemptId} />
      <input type="hidden" name="version" value={state?.version ?? version} />
      <GradeSummary
        grade={grade}
        part1Score={auto.part1Score}
        auto={{ points: auto.part2AutoPoints, max: auto.part2AutoMax }}
        subtotals={projection.subtotals}
        scored={projection.scored}
        total={items.length}
        invalid={projection.invalid}
      />
      <p className="visually-hidden" aria-live="polite" aria-atomic="true">
        预计总分 {formatScore(grade.finalScore)}，{OUTCOME_LABELS[grade.outcome]}
      </p>
      {parts.map((part) => {
        const partItems = items.filter((i) => i.part === part);
        return (
          <fieldset key={part} className="card stack">
            <legend className="grade-form__legend">
              {part === 2 ? "第二部分 评分细则" : "第三部分 评分细则"}（满分 {partItems.reduce((s, i) => s + i.max, 0)}）
            </legend>
            {partItems.map((item) => (
              <div key={item.key} className="grade-item">
                <label htmlFor={Object.hasOwn(locked, item.key) ? undefined : `points-${item.key}`} className="grade-item__label">
                  {item.criterion}（0–{item.max} 分）
                </label>
                <p className="muted grade-item__guide">{item.guide}</p>
                {(hints[item.key] ?? []).map((line) => (
                  <p key={line} className="grade-item__hint">
                    {line}
                  </p>
                ))}
                {Object.hasOwn(locked, item.key) ? (
                  <p className="grade-item__locked">双评一致：取两位批阅人的平均分 {locked[item.key].points} 分</p>
                ) : (
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
                    aria-invalid={errorOf(item.key) ? true : undefined}
                    aria-describedby={errorOf(item.key) ? `error-${item.key}` : undefined}
                  />
                  <input
                    name={`comment:${item.key}`}
                    aria-label={`${item.criterion} 的评语`}
                    placeholder="评语（选填）"
                    defaultValue={scores[item.key]?.comment ?? ""}
                    maxLength={2000}
                  />
                </div>
                )}
                {errorOf(item.key) ? (
                  <p id={`error-${item.key}`} className="field__error">
                    {errorOf(item.key)}
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
