import Link from "next/link";
import { part1Key } from "@/lib/assessment/item-keys";
import { isCorrect } from "@/lib/quiz/grade";
import type { AttemptRecord } from "@/lib/assessment/attempts";
import { OutcomeBadge } from "@/components/outcome-badge";
import { ReviewItem } from "@/components/quiz/review-item";
import { Feedback } from "./feedback";
import { FinishLine } from "@/components/course/finish-line";
import { formatScore } from "@/lib/assessment/scoring";
import type { AssessmentConfig } from "@/lib/content/question-schema";
import type { CertificateRecord } from "@/lib/certificates/queries";
import { CertificatePanel } from "./certificate-panel";
import { ShortfallTable } from "./shortfall-table";
import styles from "./attempt-result.module.css";

const chosen = (attempt: AttemptRecord, questionId: string) => {
  const value = attempt.answers[part1Key(questionId)];
  return Array.isArray(value) ? value : [];
};

const REVIEW_LATER: Record<AssessmentConfig["review"]["part1"], string> = {
  afterLastAttempt: "正确答案与解析将在你用完全部考核次数后公布，因为下次考核会重新抽到部分相同的题目。",
  afterRelease: "正确答案与解析将在本次成绩发布后公布。",
  afterSubmission: "",
};

/** Right or wrong per question, without the keys: what a learner sees before the review opens. */
function Part1Verdicts({ attempt, policy }: { attempt: AttemptRecord; policy: AssessmentConfig["review"]["part1"] }) {
  return (
    <section className="stack" aria-labelledby="part1-verdicts">
      <h2 id="part1-verdicts">理论知识测试：逐题对错</h2>
      <p className="muted">{REVIEW_LATER[policy]}</p>
      <ol className="stack review-list">
        {attempt.paper.part1.map(({ question }, i) => {
          const picked = chosen(attempt, question.id);
          const right = isCorrect(question.answer, picked);
          return (
            <li key={question.id} className={`card review review--${right ? "right" : "wrong"}`}>
              <p className="review__verdict">{right ? "✓ 回答正确" : picked.length ? "✗ 回答错误" : "✗ 未作答"}</p>
              <p className="question__prompt">
                {i + 1}. {question.prompt}
              </p>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

const dash = (score: number | null) => (score === null ? "待批阅" : `${formatScore(score)} 分`);

type Props = { attempt: AttemptRecord; config: AssessmentConfig; review: "keys" | "verdicts"; certificate: CertificateRecord | null; origin: string };

export function AttemptResult({ attempt, config, review, certificate, origin }: Props) {
  const { paper } = attempt;
  // Grades of parts 2 and 3 (and so the total) stay hidden until a trainer releases them.
  const released = attempt.status === "released";
  const choiceTotal = paper.case.study.questions.reduce((sum, q) => sum + (q.kind === "choice" ? q.points : 0), 0);
  return (
    <div className={styles.result}>
      <section className={`card ${styles.summary}`} aria-labelledby="result-h">
        <h1 id="result-h">结业考核 · 第 {attempt.number} 次</h1>
        <p className="attempt-status">
          <span>状态：</span>
          <OutcomeBadge status={attempt.status} outcome={attempt.outcome} />
          {attempt.autoSubmitted ? <span className="muted">（时间到，已自动提交）</span> : null}
        </p>
        {released && attempt.finalScore !== null ? (
          <p className={styles.total}>
            总分 <strong>{formatScore(attempt.finalScore)}</strong> 分
          </p>
        ) : (
          <p className="muted">第二、三部分由讲师按评分细则批阅，发布后公布总分。等待批阅期间不能开始新的考核。</p>
        )}
      </section>
      {released && certificate ? <CertificatePanel certificate={certificate} origin={origin} /> : null}
      <section className={`card ${styles.summary}`} aria-labelledby="parts-h">
        <h2 id="parts-h" className="visually-hidden">各部分得分</h2>
        <table className="progress-table">
          <thead>
            <tr><th scope="col">部分</th><th scope="col">权重</th><th scope="col">得分</th></tr>
          </thead>
          <tbody>
            <tr><th scope="row">理论知识测试</th><td>{config.weights.part1}%</td><td>{dash(attempt.part1Score)}</td></tr>
            <tr>
              <th scope="row">实操案例分析</th><td>{config.weights.part2}%</td>
              <td>{released ? dash(attempt.part2Score) : `待批阅（选择题已得 ${attempt.part2AutoPoints ?? 0}/${choiceTotal} 分）`}</td>
            </tr>
            <tr><th scope="row">运营方案设计</th><td>{config.weights.part3}%</td><td>{released ? dash(attempt.part3Score) : "待批阅"}</td></tr>
            <tr><th scope="row">总分</th><td>100%</td><td>{released && attempt.finalScore !== null ? <strong>{formatScore(attempt.finalScore)} 分</strong> : "批阅发布后公布"}</td></tr>
          </tbody>
        </table>
        <p className="muted">
          {config.passScore} 分及以上通过，{config.certificateScore} 分及以上获得京东认证运营专家证书。
        </p>
        <p><Link href="/assessment">返回结业考核</Link></p>
      </section>
      {released ? <FinishLine intro="课程到此结束。下一步的成长方向，见课程总结与能力跃迁路线图（入门、成长、进阶、专家）：" /> : null}
      {released && attempt.outcome === "passed" ? <ShortfallTable attempt={attempt} config={config} /> : null}
      {released ? <Feedback attempt={attempt} /> : null}
      {review === "keys" ? (
        <>
          <h2>理论知识测试解析</h2>
          <ol className="stack review-list">
            {paper.part1.map(({ question }, i) => (
              <ReviewItem key={question.id} number={i + 1} question={question} chosen={chosen(attempt, question.id)} />
            ))}
          </ol>
        </>
      ) : (
        <Part1Verdicts attempt={attempt} policy={config.review.part1} />
      )}
    </div>
  );
}
