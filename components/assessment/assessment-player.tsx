"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useState, type ReactNode } from "react";
import { useAnswerStore } from "@/components/assessment/answer-store";
import { AttemptHeader } from "@/components/assessment/attempt-header";
import { SubmitDialog } from "@/components/assessment/submit-dialog";
import { TextAnswer } from "@/components/assessment/text-answer";
import { useAutosave } from "@/components/assessment/use-autosave";
import { useIntegrityStore } from "@/components/assessment/integrity-store";
import { useIntegrityLog } from "@/components/assessment/use-integrity-log";
import { ChoiceQuestion } from "@/components/quiz/choice-question";
import type { PublicPaper } from "@/lib/assessment/public-paper";
import type { AnswerValue } from "@/lib/assessment/schema";
import { isAnswered, itemAnchor, paperItems, unansweredByPart } from "@/lib/assessment/answered";
import { postSubmit } from "@/lib/assessment/client";
import { part1Key, part2Key, part3Key } from "@/lib/assessment/item-keys";
import styles from "./assessment-player.module.css";

type Props = {
  attemptId: string;
  paper: PublicPaper;
  caseData: ReactNode; // the case's store data, rendered on the server
  serverAnswers: Record<string, AnswerValue>;
  deadline: string;
  /** When the server rendered the page: the clock shows this until hydrated (no React #418). */
  renderedAt: number;
  integrityLog: boolean; // 切屏记录 on in the assessment config
};

export function AssessmentPlayer({ attemptId, paper, caseData, serverAnswers, deadline, renderedAt, integrityLog }: Props) {
  const router = useRouter();
  const [mounted, setMounted] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [notice, setNotice] = useState("");
  const [confirming, setConfirming] = useState(false);
  const draft = useAnswerStore((s) => s.drafts[attemptId]);
  const setAnswer = useAnswerStore((s) => s.setAnswer);
  useIntegrityLog(attemptId, integrityLog);

  useEffect(() => {
    useAnswerStore.getState().hydrate(attemptId, serverAnswers);
    setMounted(true);
  }, [attemptId, serverAnswers]);

  const showResult = useCallback(() => {
    useAnswerStore.getState().clear(attemptId);
    useIntegrityStore.getState().clear(attemptId);
    router.refresh();
  }, [attemptId, router]);
  const { status, message, flush } = useAutosave(attemptId, (text) => {
    setNotice(text);
    showResult();
  });

  const answers = mounted && draft ? draft.answers : serverAnswers;
  const choice = (key: string) => (Array.isArray(answers[key]) ? (answers[key] as string[]) : []);
  const text = (key: string) => (typeof answers[key] === "string" ? (answers[key] as string) : "");
  const set = (key: string) => (value: AnswerValue) => setAnswer(attemptId, key, value);
  const items = useMemo(() => paperItems(paper), [paper]);
  const answered = items.filter((item) => isAnswered(answers[item.key])).length;

  const submit = useCallback(
    async () => {
      setSubmitting(true);
      await flush();
      const result = await postSubmit(attemptId);
      if (result.ok) return showResult();
      setNotice(result.message);
      setSubmitting(false);
    },
    [attemptId, flush, showResult],
  );
  const onExpire = useCallback(() => void submit(), [submit]);

  return (
    <div className={`stack ${styles.player}`}>
      <AttemptHeader answered={answered} total={items.length} status={status} message={message} deadline={deadline} renderedAt={renderedAt} onExpire={onExpire} />
      {notice ? <p className="form__error" role="alert">{notice}</p> : null}
      {integrityLog ? <p className="muted">作答期间离开本页面（切换标签页或窗口）和粘贴文字会被记录时间，供阅卷老师参考。</p> : null}

      <section className="stack" aria-labelledby="part1">
        <h2 id="part1">第一部分 理论知识测试（{paper.part1.length} 题）</h2>
        <p className="muted">多选题须选出全部正确选项且不选错误选项才得分。</p>
        {paper.part1.map((q, i) => (
          <div key={q.id} id={itemAnchor(part1Key(q.id))} className="assessment-item">
            <ChoiceQuestion question={q} number={i + 1} chosen={choice(part1Key(q.id))} onChange={set(part1Key(q.id))} disabled={submitting} />
          </div>
        ))}
      </section>

      <section className="stack" aria-labelledby="part2">
        <h2 id="part2">第二部分 实操案例分析：{paper.case.title}</h2>
        <div className="lesson case-data">{caseData}</div>
        {paper.case.questions.map((q, i) =>
          q.kind === "choice" ? (
            <div key={q.id} id={itemAnchor(part2Key(q.id))} className="assessment-item">
              <ChoiceQuestion question={q} number={i + 1} chosen={choice(part2Key(q.id))} onChange={set(part2Key(q.id))} disabled={submitting} />
            </div>
          ) : (
            <div key={q.id} id={itemAnchor(part2Key(q.id))} className="card assessment-item" data-item-key={part2Key(q.id)}>
              <TextAnswer id={`p2-${q.id}`} label={`${i + 1}. ${q.prompt}`} value={text(part2Key(q.id))} onChange={set(part2Key(q.id))} />
            </div>
          ),
        )}
      </section>

      <section className="stack" aria-labelledby="part3">
        <h2 id="part3">第三部分 运营方案设计：{paper.prompt.title}</h2>
        <div className="card">
          <p><strong>品类：</strong>{paper.prompt.category}</p>
          <p>{paper.prompt.background}</p>
          <p><strong>目标：</strong></p>
          <ol>{paper.prompt.targets.map((t) => <li key={t}>{t}</li>)}</ol>
          <p className="muted">请按以下 5 个部分写出完整的运营方案。评分依据：理论知识准确性、方案可行性、创新性、逻辑性。</p>
        </div>
        {paper.prompt.sections.map((section, i) => (
          <div key={section} id={itemAnchor(part3Key(i))} className="card assessment-item" data-item-key={part3Key(i)}>
            <TextAnswer id={`p3-${i}`} label={`${i + 1}. ${section}`} value={text(part3Key(i))} onChange={set(part3Key(i))} rows={10} />
          </div>
        ))}
      </section>

      <div className="quiz-submit">
        <span className="muted">
          已答 {answered}/{items.length}
        </span>
        <button type="button" className="button" onClick={() => setConfirming(true)} disabled={submitting}>
          {submitting ? "正在提交…" : "提交答卷"}
        </button>
      </div>
      <SubmitDialog open={confirming} onClose={() => setConfirming(false)} onConfirm={() => void submit()} unanswered={unansweredByPart(items, answers)} total={items.length} />
    </div>
  );
}
