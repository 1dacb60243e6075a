import type { Metadata } from "next";
import Link from "next/link";
import { OutcomeBadge } from "@/components/outcome-badge";
import { loadJourney } from "@/lib/assessment/journey";
import { formatScore } from "@/lib/assessment/scoring";
import { requireUser } from "@/lib/auth/guards";
import { loadAssessment } from "@/lib/content/banks";
import { NextStepPanel } from "./_components/next-step-panel";

export const metadata: Metadata = { title: "结业考核" };

export default async function AssessmentPage() {
  const user = await requireUser("/assessment");
  const { config } = loadAssessment();
  const { step, attempts } = await loadJourney(user, { staffSkipsLessons: true });
  const part1Count = Object.values(config.part1Draw).reduce((a, b) => a + b, 0);
  return (
    <>
      <NextStepPanel step={step} config={config} />
      {attempts.length ? (
        <section aria-labelledby="attempts-h">
          <h2 id="attempts-h">我的考核记录</h2>
          <ol className="stack lesson-list">
            {[...attempts].reverse().map((a) => (
              <li key={a.id}>
                <Link className="card lesson-row" href={`/assessment/attempts/${a.id}`}>
                  <span className="lesson-row__title">第 {a.number} 次</span>
                  <OutcomeBadge status={a.status} outcome={a.outcome} />
                  <span className="lesson-row__minutes">
                    {a.status === "released" && a.finalScore !== null ? `总分 ${formatScore(a.finalScore)}` : a.part1Score !== null ? `理论 ${formatScore(a.part1Score)}` : ""}
                  </span>
                </Link>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      <section className="card stack" aria-labelledby="rules-h">
        <h2 id="rules-h">考核说明</h2>
        <ul>
          <li>第一部分 理论知识测试：{part1Count} 道选择题，占 {config.weights.part1}%</li>
          <li>第二部分 实操案例分析：根据店铺数据诊断问题、提出优化方案，占 {config.weights.part2}%</li>
          <li>第三部分 运营方案设计：按指定品类与目标设计完整方案，占 {config.weights.part3}%</li>
        </ul>
        <p>
          总分 = 各部分得分（百分制）按权重相加。{config.passScore} 分及以上为通过，{config.certificateScore} 分及以上获得
          <strong>京东认证运营专家证书</strong>。时限 {config.timeLimitMinutes} 分钟，到时自动提交已保存的作答；共可参加 {config.attemptsAllowed} 次。
        </p>
        <p className="muted">作答会自动保存到服务器；断网时先保存在本机，恢复网络后自动上传。第二、三部分由讲师按评分细则批阅，成绩发布前不能开始新的考核。</p>
      </section>
    </>
  );
}
