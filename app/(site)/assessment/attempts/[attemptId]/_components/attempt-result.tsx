import Link from "next/link";
import type { AttemptRecord } from "@/lib/assessment/queries";
import { learnerStatusLabel } from "@/lib/assessment/schema";
import { ReviewItem } from "@/components/quiz/review-item";
import { Feedback } from "./feedback";
import { FinishLine } from "@/components/course/finish-line";
import { formatScore } from "@/lib/assessment/score";
import type { AssessmentConfig } from "@/lib/content/question-schema";
import type { CertificateRecord } from "@/lib/certificates/queries";
import { CertificatePanel } from "./certificate-panel";
import { ShortfallTable } from "./shortfall-table";

const dash = (score: number | null) => (score === null ? "待批阅" : `${formatScore(score)} 分`);

type Props = { attempt: AttemptRecord; config: AssessmentConfig; certificate: CertificateRecord | null; origin: string };

export function AttemptResult({ attempt, config, certificate, origin }: Props) {
  const { paper } = attempt;
  // Grades of parts 2 and 3 (and so the total) stay hidden until a trainer releases them.
  const released = attempt.status === "released";
  const choiceTotal = paper.case.study.questions.reduce((sum, q) => sum + (q.kind === "choice" ? q.points : 0), 0);
  return (
    <>
      <section className="card stack">
        <h1>结业考核 · 第 {attempt.number} 次</h1>
        <p className="attempt-status">
          状态：<strong>{learnerStatusLabel(attempt.status, attempt.outcome)}</strong>
          {attempt.autoSubmitted ? "（时间到，已自动提交）" : ""}
        </p>
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
          {config.passScore} 分及以上通过，{config.certificateScore} 分及以上获得京东认证运营专家证书。第二、三部分由讲师按评分细则批阅后公布总分。
        </p>
        <p><Link href="/assessment">返回结业考核</Link></p>
        {released ? <FinishLine intro="课程到此结束。下一步的成长方向，见课程总结与能力跃迁路线图（入门、成长、进阶、专家）：" /> : null}
      </section>
      {released && certificate ? <CertificatePanel certificate={certificate} origin={origin} /> : null}
      {released && attempt.outcome === "passed" ? <ShortfallTable attempt={attempt} config={config} /> : null}
      {released ? <Feedback attempt={attempt} /> : null}
      <h2>理论知识测试解析</h2>
      <ol className="stack review-list">
        {paper.part1.map(({ question }, i) => (
          <ReviewItem key={question.id} number={i + 1} question={question} chosen={(attempt.answers[`p1:${question.id}`] as string[] | undefined) ?? []} />
        ))}
      </ol>
    </>
  );
}
