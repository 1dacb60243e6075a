import type { Metadata } from "next";
import Link from "next/link";
import { formatPercent, rate } from "@/lib/analytics/cohort";
import { getCohortResults, getCompletionFunnel } from "@/lib/analytics/queries";
import { requireStaff } from "@/lib/auth/guards";
import { loadAssessment } from "@/lib/content/banks";
import { loadCourse } from "@/lib/content/load";
import { FunnelFigure } from "./_components/funnel-figure";
import { HistogramFigure } from "./_components/histogram-figure";
import styles from "./analytics.module.css";

export const metadata: Metadata = { title: "学习数据分析" };

export default async function AnalyticsPage() {
  await requireStaff("/analytics");
  const course = loadCourse();
  const { config } = loadAssessment();
  const [results, funnel] = await Promise.all([getCohortResults(), getCompletionFunnel(course)]);
  const { attempts, learners, histograms } = results;
  const learnersWithResult = learners.failed + learners.passed + learners.certified;
  const markers = [
    { at: config.passScore, label: `及格 ${config.passScore}`, color: "#9a6700", row: 1 as const },
    { at: config.certificateScore, label: `证书 ${config.certificateScore}`, color: "#1a7f37", row: 0 as const },
  ];
  return (
    <div className="stack">
      <section className="card stack">
        <h1>学习数据分析</h1>
        <p className="muted">只统计学员账号。成绩只含已发布的结业考核（学员已能看到的结果）。</p>
        <p><Link href="/analytics/items">查看题目分析（难度、区分度、选项分布）→</Link></p>
        <p><Link href="/analytics/review">查看间隔复习（错题本复习次数、1/7/30 天保持率）→</Link></p>
        <p><Link href="/analytics/grading">查看评分一致性（双评 ICC、平均分差、评分员宽严度）→</Link></p>
      </section>

      <section className="card stack" aria-labelledby="results">
        <h2 id="results" className={styles.tight}>结业考核结果</h2>
        <dl className={styles.figures}>
          <div><dt>已发布成绩</dt><dd>{results.releasedAttempts} 份<small>{learnersWithResult} 名学员</small></dd></div>
          <div>
            <dt>通过率（≥ {config.passScore} 分）</dt>
            <dd>{formatPercent(rate(attempts.passed + attempts.certified, results.releasedAttempts))}<small>按学员：{formatPercent(rate(learners.passed + learners.certified, learnersWithResult))}</small></dd>
          </div>
          <div>
            <dt>获证率（≥ {config.certificateScore} 分）</dt>
            <dd>{formatPercent(rate(attempts.certified, results.releasedAttempts))}<small>按学员：{formatPercent(rate(learners.certified, learnersWithResult))}</small></dd>
          </div>
        </dl>
        <p className="muted">按份数计每一次已发布的考核；按学员计每人最好的一次。</p>
        <HistogramFigure title="总分分布" bins={histograms.final} markers={markers} height={260} />
      </section>

      <section className="card stack" aria-labelledby="parts">
        <h2 id="parts" className={styles.tight}>各部分得分分布</h2>
        <div className={styles.parts}>
          <HistogramFigure title="理论知识测试" bins={histograms.part1} height={180} />
          <HistogramFigure title="实操案例分析" bins={histograms.part2} height={180} />
          <HistogramFigure title="运营方案设计" bins={histograms.part3} height={180} />
        </div>
      </section>

      <section className="card stack" aria-labelledby="funnel">
        <h2 id="funnel" className={styles.tight}>学习进度</h2>
        <FunnelFigure funnel={funnel} />
      </section>
    </div>
  );
}
