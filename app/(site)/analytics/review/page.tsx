import type { Metadata } from "next";
import Link from "next/link";
import { TableScroll } from "@/components/table-scroll";
import { reviewAnalytics } from "@/lib/analytics/review";
import { requireStaff } from "@/lib/auth/guards";
import { loadCourse } from "@/lib/content/load";
import { RETENTION_BUCKETS, type ReviewStats } from "@/lib/review/retention";
import styles from "../analytics.module.css";

export const metadata: Metadata = { title: "间隔复习分析" };

const percent = (x: number | null) => (x === null ? "—" : `${Math.round(x * 100)}%`);

function StatCells({ stats }: { stats: ReviewStats }) {
  return (
    <>
      <td>{stats.reviews}</td>
      <td>{stats.learners}</td>
      {RETENTION_BUCKETS.map((b) => (
        <td key={b.key}>
          {percent(stats.retention[b.key].rate)}
          <small className="muted">（{stats.retention[b.key].reviews} 次）</small>
        </td>
      ))}
    </>
  );
}

function Head({ first }: { first: string }) {
  return (
    <thead>
      <tr>
        <th scope="col">{first}</th>
        <th scope="col">复习次数</th>
        <th scope="col">学员数</th>
        {RETENTION_BUCKETS.map((b) => <th key={b.key} scope="col">{b.label}保持率</th>)}
      </tr>
    </thead>
  );
}

export default async function ReviewAnalyticsPage() {
  await requireStaff("/analytics/review");
  const data = await reviewAnalytics(loadCourse());
  return (
    <div className="stack">
      <section className="card stack">
        <p className="breadcrumb"><Link href="/analytics">学习数据分析</Link> / 间隔复习</p>
        <h1>间隔复习分析</h1>
        <ul>
          <li>复习次数：学员在「今日复习」中作答并评分的次数（只统计学员账号）。</li>
          <li>
            保持率：距该题上一次复习（第一次复习时为进入错题本）的间隔按整天四舍五入，
            {RETENTION_BUCKETS.map((b) => `${b.label}为 ${b.min}–${b.max} 天`).join("、")}；该间隔内的复习中答对的比例。当天的复习和 60 天以上的不计入。
          </li>
        </ul>
        <dl className={styles.figures}>
          <div><dt>复习次数</dt><dd>{data.total.reviews}<small>{data.total.learners} 名学员</small></dd></div>
          <div><dt>错题本中</dt><dd>{data.inBook} 题次</dd></div>
          <div><dt>已掌握移出</dt><dd>{data.retained} 题次</dd></div>
        </dl>
        <p><a className="button button--small button--ghost" href="/analytics/review/export" download>导出 CSV</a></p>
      </section>

      {data.modules.length ? (
        <>
          <section className="card stack" aria-labelledby="by-module">
            <h2 id="by-module" className={styles.tight}>按模块</h2>
            <TableScroll label="按模块的复习数据">
              <table className="progress-table">
                <caption className="visually-hidden">按模块的复习数据</caption>
                <Head first="模块" />
                <tbody>
                  {data.modules.map((m) => (
                    <tr key={m.slug}>
                      <th scope="row">{m.title}</th>
                      <StatCells stats={m.stats} />
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          </section>
          {data.modules.map((m) => (
            <section key={m.slug} className="card stack" aria-labelledby={`review-${m.slug}`}>
              <h2 id={`review-${m.slug}`} className={styles.tight}>{m.title}：按题目</h2>
              <TableScroll label={`${m.title}的题目复习数据`}>
                <table className="progress-table">
                  <caption className="visually-hidden">{m.title}的题目复习数据</caption>
                  <Head first="题目" />
                  <tbody>
                    {m.questions.map((q) => (
                      <tr key={q.key}>
                        <th scope="row">
                          <small className="muted">{q.source}</small> {q.prompt ?? "（题库中已无此题）"}
                        </th>
                        <StatCells stats={q.stats} />
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            </section>
          ))}
        </>
      ) : (
        <p className="card muted">还没有学员完成过复习。</p>
      )}
    </div>
  );
}
