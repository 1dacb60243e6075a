import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { IntegrityLog } from "@/components/grading/integrity-log";
import { LessonBody } from "@/components/mdx/lesson-body";
import { OutcomeBadge } from "@/components/outcome-badge";
import { integrityLog } from "@/lib/assessment/integrity-queries";
import { part2Key, part3Key } from "@/lib/assessment/item-keys";
import { GRADER_STATUS_LABELS } from "@/lib/assessment/schema";
import { formatScore, rubricItems } from "@/lib/assessment/scoring";
import { requireGrader } from "@/lib/auth/scope";
import { loadAssessment } from "@/lib/content/banks";
import { compileLesson } from "@/lib/content/compile";
import { PLAN_SECTIONS } from "@/lib/content/question-schema";
import { getGradingView, gradingQueue } from "@/lib/grading/queries";
import { isCorrect } from "@/lib/quiz/grade";
import { ReleaseButton } from "../_components/release-button";
import { ReleaseNotice } from "../_components/release-notice";
import { when } from "../_components/released-list";
import { GradeForm } from "./_components/grade-form";
import styles from "./desk.module.css";

export const metadata: Metadata = { title: "批阅答卷" };

type Props = { params: Promise<{ attemptId: string }> };

const ACTIONS: Record<string, string> = { draft: "保存草稿", finalise: "完成批阅", release: "发布成绩" };

// Learner text is rendered as plain text only: React escapes it; nothing is parsed as HTML or MDX.
const Answer = ({ text }: { text: unknown }) => (
  <p className="answer-text">{typeof text === "string" && text.trim() ? text : "（未作答）"}</p>
);

export default async function GradeAttemptPage({ params }: Props) {
  const { attemptId } = await params;
  const { scope } = await requireGrader(`/grading/${attemptId}`);
  const view = await getGradingView(attemptId, scope);
  if (!view || view.status === "in_progress") notFound();
  const [{ waiting }, integrity] = await Promise.all([gradingQueue(scope), integrityLog(view.id)]);
  const next = waiting.find((item) => item.id !== view.id);
  const { study } = view.paper.case;
  const { code } = await compileLesson(study.data, `案例 ${study.id}`);
  const { weights, passScore, certificateScore } = loadAssessment().config;
  const part2AutoMax = study.questions.reduce((sum, q) => sum + (q.kind === "choice" ? q.points : 0), 0);

  return (
    <ReleaseNotice>
      <nav className="breadcrumb" aria-label="位置">
        <Link href="/grading">批阅</Link> / {view.learnerName}
      </nav>
      <header className={`card ${styles.head}`}>
        <div>
          <h1>批阅：{view.learnerName} · 第 {view.number} 次</h1>
          <p className={styles.facts}>
            <span>
              状态：<strong>{GRADER_STATUS_LABELS[view.status]}</strong>
            </span>
            {view.finalScore !== null && view.outcome ? (
              <span>
                总分 <strong>{formatScore(view.finalScore)}</strong> <OutcomeBadge status="released" outcome={view.outcome} />
              </span>
            ) : null}
            {view.releasedAt ? <span className="muted">发布于 {when(view.releasedAt)}</span> : null}
          </p>
        </div>
        {view.status === "graded" ? (
          <ReleaseButton
            label="发布成绩"
            grades={[{ attemptId: view.id, version: view.gradeVersion, learnerName: view.learnerName, number: view.number, finalScore: view.finalScore, outcome: view.outcome }]}
          />
        ) : null}
      </header>

      <div className={styles.desk}>
        <section className={styles.column} aria-label="学员答卷" tabIndex={0}>
          <section className="card stack" aria-labelledby="integrity-log">
            <h2 id="integrity-log">切屏与粘贴记录</h2>
            <IntegrityLog entries={integrity} paper={view.paper} />
          </section>

          <h2>第二部分 实操案例分析：{study.title}</h2>
          <details className="card">
            <summary>店铺数据</summary>
            <div className="lesson case-data">
              <LessonBody code={code} />
            </div>
          </details>
          <ol className="stack review-list">
            {study.questions.map((q) => (
              <li key={q.id} className="card">
                <p className="question__prompt">{q.prompt}</p>
                {q.kind === "choice" ? (
                  <p>
                    {isCorrect(q.answer, view.answers[part2Key(q.id)] as string[] | undefined) ? "✓ 正确" : "✗ 错误"}（{q.points} 分，自动评分）
                  </p>
                ) : (
                  <Answer text={view.answers[part2Key(q.id)]} />
                )}
              </li>
            ))}
          </ol>

          <h2>第三部分 运营方案设计：{view.paper.prompt.title}</h2>
          <ol className="stack review-list">
            {PLAN_SECTIONS.map((section, i) => (
              <li key={section} className="card">
                <p className="question__prompt">{section}</p>
                <Answer text={view.answers[part3Key(i)]} />
              </li>
            ))}
          </ol>

        </section>

        <section className={styles.column} aria-labelledby="rubric-heading">
          <h2 id="rubric-heading">评分</h2>
          <GradeForm
            attemptId={view.id}
            version={view.gradeVersion}
            items={rubricItems(view.paper)}
            scores={view.gradeScores}
            comment={view.gradeComment ?? ""}
            nextHref={next ? `/grading/${next.id}` : undefined}
            auto={{ part1Score: view.part1Score ?? 0, part2AutoPoints: view.part2AutoPoints ?? 0, part2AutoMax }}
            config={{ weights, passScore, certificateScore }}
          />

          <h2>批阅记录</h2>
          {view.history.length ? (
            <ul>
              {view.history.map((e) => (
                <li key={e.id}>
                  {when(e.createdAt)} · {e.actorName} · {ACTIONS[e.action] ?? e.action}
                  {e.finalScore !== null ? ` · 总分 ${formatScore(e.finalScore)}` : ""}
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">尚无批阅记录。</p>
          )}
        </section>
      </div>
    </ReleaseNotice>
  );
}
