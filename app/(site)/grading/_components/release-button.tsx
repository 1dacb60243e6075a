"use client";

import { useState, useTransition } from "react";
import { ConfirmDialog } from "@/components/grading/confirm-dialog";
import { OutcomeBadge } from "@/components/outcome-badge";
import { OUTCOME_LABELS } from "@/lib/assessment/schema";
import { formatScore, type Outcome } from "@/lib/assessment/scoring";
import { releaseAction } from "@/lib/grading/actions";
import { useReleaseNotice } from "./release-notice";

/** A held grade as the confirmation shows it and the release publishes it. */
export type HeldGrade = { attemptId: string; version: number; learnerName: string; number: number; finalScore: number | null; outcome: Outcome | null };

const scoreText = (g: HeldGrade) => (g.finalScore === null ? "—" : formatScore(g.finalScore));

function GradeLine({ grade }: { grade: HeldGrade }) {
  return (
    <>
      <strong>{grade.learnerName}</strong>（第 {grade.number} 次）：总分 <strong>{scoreText(grade)}</strong>{" "}
      <OutcomeBadge status="released" outcome={grade.outcome} />
    </>
  );
}

/** 发布 with a confirmation naming each learner and the score and status they will see. */
export function ReleaseButton({ grades, label }: { grades: HeldGrade[]; label: string }) {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState("");
  const [pending, start] = useTransition();
  const notify = useReleaseNotice();
  const [single] = grades;

  const release = () =>
    start(async () => {
      const result = await releaseAction({ attempts: grades.map((g) => ({ attemptId: g.attemptId, version: g.version })) });
      if (!result.ok) return setError(result.message);
      setOpen(false);
      const fully = grades.length === 1 && result.released === 1;
      notify({
        ok: true,
        text: fully
          ? `已发布 ${single.learnerName} 的成绩：总分 ${scoreText(single)} · ${single.outcome ? OUTCOME_LABELS[single.outcome] : ""}。学员现在可以查看。`
          : result.message,
      });
    });

  return (
    <>
      <button
        type="button"
        className="button button--small"
        onClick={() => {
          setError("");
          setOpen(true);
        }}
      >
        {label}
      </button>
      <ConfirmDialog
        open={open}
        title={grades.length === 1 ? "发布这份成绩？" : `发布这 ${grades.length} 份成绩？`}
        confirmLabel="确认发布"
        pending={pending}
        error={error}
        onConfirm={release}
        onClose={() => setOpen(false)}
      >
        {grades.length === 1 ? (
          <p>
            <GradeLine grade={single} />
          </p>
        ) : (
          <ul>
            {grades.map((g) => (
              <li key={g.attemptId}>
                <GradeLine grade={g} />
              </li>
            ))}
          </ul>
        )}
        <p className="muted">发布后学员即可看到总分、结果和评语；达到证书分数线的会同时获得证书。发布后如需更正，请重新批阅（学员会看到更正后的成绩）。</p>
      </ConfirmDialog>
    </>
  );
}
