import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { IntegrityLog } from "@/components/grading/integrity-log";
import { LessonBody } from "@/components/mdx/lesson-body";
import { OutcomeBadge } from "@/components/outcome-badge";
import { integrityLog } from "@/lib/assessment/integrity-queries";
import { part2Key, part3Key } from "@/lib/assessment/item-keys";
import { GRADER_STATUS_LABELS } from "@/lib/assessment/schema";
import { formatScore, rubricItems, type RubricItem } from "@/lib/assessment/scoring";
import { requireGrader } from "@/lib/auth/scope";
import { loadAssessment } from "@/lib/content/banks";
import { compileLesson } from "@/lib/content/compile";
import { PLAN_SECTIONS } from "@/lib/content/question-schema";
import { saveBlindGradeAction } from "@/lib/grading/actions";
import { blindStage, type BlindGradeView, type BlindStage } from "@/lib/grading/blind";
import { combinedScores, isDoubleGraded } from "@/lib/grading/double";
import { getGradingView, gradingQueue } from "@/lib/grading/queries";
import { isCorrect } from "@/lib/quiz/grade";
import { ReleaseButton } from "../_components/release-button";
import { ReleaseNotice } from "../_components/release-notice";
import { when } from "../_components/released-list";
import { GradeForm } from "./_components/grade-form";
import { PickDouble } from "./_components/pick-double";
import styles from "./desk.module.css";

export const metadata: Metadata = { title: "批阅答卷" };

type Props = { params: Promise<{ attemptId: string }> };

const ACTIONS: Record<string, string> = {
  draft: "保存草稿",
  finalise: "完成批阅",
  release: "发布成绩",
  blind: "完成双评评分",
  moderate: "完成仲裁",
  "settle-agreed": "双评一致，按平均分生成成绩",
  "settle-moderated": "仲裁后生成成绩",
};

const PLAN_LABELS: Record<string, string> = { random: "双评（随机抽取）", picked: "双评（讲师指定）" };

/** A blind grader's own finished grade, for reference while the other grader works. */
function OwnGrade({ items, grade }: { items: RubricItem[]; grade: BlindGradeView }) {
  return (
    <section className="card stack" aria-labelledby="own-grade">
      <h3 id="own-grade">你的评分</h3>
      <ul>
        {items.map((item) => (
          <li key={item.key}>
            {item.criterion}：{grade.scores[item.key]?.points ?? 0} / {item.max} 分{grade.scores[item.key]?.comment ? `（${grade.scores[item.key].comment}）` : ""}
          </li>
        ))}
      </ul>
      {grade.comment ? <p>总评：{grade.comment}</p> : null}
    </section>
  );
}

/** What a grader is told about a double-graded attempt still being graded (decision 043). */
function blindNotice(stage: BlindStage): string {
  if (stage.kind === "moderation") {
    return stage.inPair
      ? `两位批阅人在 ${stage.disputed.length} 个评分项上的分差超出容差（满分的 ${stage.tolerance}%）。等待第三位批阅人仲裁后生成成绩。`
      : `仲裁：两位批阅人在 ${stage.disputed.length} 个评分项上的分差超出容差（满分的 ${stage.tolerance}%）。请只为这些评分项打分；其余各项取两人的平均分。`;
  }
  if (stage.mine?.finalised) return "你已完成评分。另一位批阅人评分后，系统比对两份评分：一致则按平均分生成成绩，否则转交第三位批阅人仲裁。";
  if (!stage.canGrade) return "两位批阅人已认领这份答卷的双评，你无需再评。";
  return `盲评：这份答卷由两位批阅人分别独立评分，你看不到对方的评分，对方也看不到你的（已完成 ${stage.finalised}/2）。`;
}

// Learner text is rendered as plain text only: React escapes it; nothing is parsed as HTML or MDX.
const Answer = ({ text }: { text: unknown }) => (
  <p className="answer-text">{typeof text === "string" && text.trim() ? text : "（未作答）"}</p>
);

export default async function GradeAttemptPage({ params }: Props) {
  const { attemptId } = await params;
  const { user, scope } = await requireGrader(`/grading/${attemptId}`);
  const view = await getGradingView(attemptId, scope);
  if (!view || view.status === "in_progress") notFound();
  const [{ waiting }, integrity, stage] = await Promise.all([gradingQueue(scope, user.id), integrityLog(view.id), blindStage(view, user.id)]);
  const items = rubricItems(view.paper);
  // While the pair grades blind, neither sees that the other has finished, let alone how.
  const blindToMe = stage !== null && !(stage.kind === "moderation" && !stage.inPair);
  const history = view.history.filter((e) => !(blindToMe && e.action === "blind" && e.actorId !== user.id));
  const next = waiting.find((item) => item.id !== view.id);
  const { study } = view.paper.case;
  const { code } = await compileLesson(study.data, `案例 ${study.id}`);
  const { weights, passScore, certificateScore } = loadAssessment().config;
  const part2AutoMax = study.questions.reduce((sum, q) => sum + (q.kind === "choice" ? q.points : 0), 0);

  const formProps = {
    attemptId: view.id,
    items,
    nextHref: next ? `/grading/${next.id}` : undefined,
    auto: { part1Score: view.part1Score ?? 0, part2AutoPoints: view.part2AutoPoints ?? 0, part2AutoMax },
    config: { weights, passScore, certificateScore },
  };
  function gradeForm() {
    // Keyed by mode: a form's answer (and the version it holds) never carries over to another mode.
    if (!stage) return <GradeForm key="single" {...formProps} version={view!.gradeVersion} scores={view!.gradeScores} comment={view!.gradeComment ?? ""} />;
    const mine = { version: stage.mine?.version ?? 0, scores: stage.mine?.scores ?? {}, comment: stage.mine?.comment ?? "" };
    if (stage.kind === "blind" && stage.mine?.finalised) return <OwnGrade items={items} grade={stage.mine} />;
    if (stage.kind === "blind") return stage.canGrade ? <GradeForm key="blind" {...formProps} {...mine} action={saveBlindGradeAction} /> : null;
    if (stage.inPair) return null;
    const agreed = combinedScores(items, stage.first.scores, stage.second.scores);
    const locked = Object.fromEntries(Object.entries(agreed).filter(([key]) => !stage.disputed.includes(key)));
    const hints = Object.fromEntries(
      stage.disputed.map((key) => [key, [stage.first, stage.second].map((g, i) => `批阅人${i ? "乙" : "甲"}：${g.scores[key]?.points ?? 0} 分${g.scores[key]?.comment ? `（${g.scores[key].comment}）` : ""}`)]),
    );
    return <GradeForm key="moderator" {...formProps} {...mine} action={saveBlindGradeAction} locked={locked} hints={hints} />;
  }

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
            {isDoubleGraded(view.doubleGrading) ? <strong>{PLAN_LABELS[view.doubleGrading!]}</strong> : null}
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
          {stage ? <p className="callout">{blindNotice(stage)}</p> : null}
          {stage?.kind === "moderation" && stage.noModerator ? (
            <p className="callout" role="note">
              目前没有第三位可以仲裁的批阅人（两位评分人之外的讲师或管理员，或对该学员所在部门有批阅权限的部门负责人），这份答卷会一直等待。
              {user.role === "admin" ? <>请在<Link href="/admin/roles">用户角色</Link>页把一位同事设为讲师，或为部门负责人授予批阅权限。</> : "请联系管理员在「用户角色」页增加一位批阅人。"}
            </p>
          ) : null}
          {gradeForm()}
          {view.status === "submitted" && !isDoubleGraded(view.doubleGrading) && view.gradeVersion === 0 ? <PickDouble attemptId={view.id} /> : null}

          <h2>批阅记录</h2>
          {history.length ? (
            <ul>
              {history.map((e) => (
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
