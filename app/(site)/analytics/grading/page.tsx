import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { TableScroll } from "@/components/table-scroll";
import { requireStaff } from "@/lib/auth/guards";
import { gradingAgreement } from "@/lib/grading/agreement-queries";
import { formatIcc, formatLeniency, formatPercentPoints, formatPoints, graderName, iccLevel, pairName, PART_LABEL } from "@/lib/grading/agreement-report";
import styles from "../analytics.module.css";

export const metadata: Metadata = { title: "评分一致性" };

function FigureTable({ label, columns, children }: { label: string; columns: string[]; children: ReactNode }) {
  return (
    <TableScroll label={label}>
      <table className={`progress-table ${styles.numbers}`}>
        <caption className="visually-hidden">{label}</caption>
        <thead>
          <tr>{columns.map((c) => <th key={c} scope="col">{c}</th>)}</tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </TableScroll>
  );
}

function Icc({ value }: { value: number | null }) {
  const level = iccLevel(value);
  return <>{formatIcc(value)}{level && <small className="muted">（{level}）</small>}</>;
}

export default async function GradingAgreementPage() {
  await requireStaff("/analytics/grading");
  const data = await gradingAgreement();
  const { counts, names } = data;
  return (
    <div className="stack">
      <section className="card stack">
        <p className="breadcrumb"><Link href="/analytics">学习数据分析</Link> / 评分一致性</p>
        <h1>评分一致性</h1>
        <p className="muted">统计两位评分员背靠背完成评分的结业考核（第二、三部分的评分项）。每个数字旁注明所依据的份数。</p>
        <ul>
          <li>ICC（组内相关系数，单一评分员、绝对一致）：两位评分员给分的一致程度，1 为完全一致。≥ 0.75 良好，0.5–0.75 中等，&lt; 0.5 较差；少于 2 份、或所有给分完全相同时无法计算，显示「—」。</li>
          <li>平均分差：两位评分员在同一份考核上给分之差的绝对值的平均；评分员组合按评分项总分占满分的百分比计算。</li>
          <li>宽严度：该评分员的评分项总分（占满分%）减去同一份考核另一位评分员的，取平均。正数表示比搭档给分宽松，负数表示更严格。</li>
        </ul>
        <dl className={styles.figures}>
          <div><dt>双评份数</dt><dd>{counts.doubleGraded} 份</dd></div>
          <div><dt>一次评定一致</dt><dd>{counts.agreedAtOnce} 份</dd></div>
          <div><dt>送仲裁</dt><dd>{counts.sentToModeration} 份<small>其中待仲裁 {counts.awaitingModeration} 份</small></dd></div>
        </dl>
        <p><a className="button button--small button--ghost" href="/analytics/grading/export" download>导出 CSV</a></p>
      </section>

      {counts.doubleGraded ? (
        <>
          <section className="card stack" aria-labelledby="by-criterion">
            <h2 id="by-criterion" className={styles.tight}>按评分项</h2>
            <FigureTable label="按评分项的评分一致性" columns={["评分项", "所属部分", "满分", "双评份数", "ICC", "平均分差（分 / 占满分%）"]}>
              {data.criteria.map((c) => (
                <tr key={c.key}>
                  <th scope="row">{c.label}</th>
                  <td>{PART_LABEL[c.part]}</td>
                  <td>{c.max}</td>
                  <td>{c.n}</td>
                  <td><Icc value={c.icc} /></td>
                  <td>{formatPoints(c.madPoints)} 分 / {formatPercentPoints(c.madPercent)}</td>
                </tr>
              ))}
            </FigureTable>
          </section>

          <section className="card stack" aria-labelledby="by-pair">
            <h2 id="by-pair" className={styles.tight}>按评分员组合</h2>
            <FigureTable label="按评分员组合的评分一致性" columns={["评分员组合", "双评份数", "ICC（总分%）", "平均分差（占满分%）"]}>
              {data.pairs.map((p) => (
                <tr key={p.graders.join()}>
                  <th scope="row">{pairName(names, p.graders)}</th>
                  <td>{p.n}</td>
                  <td><Icc value={p.icc} /></td>
                  <td>{formatPercentPoints(p.madPercent)}</td>
                </tr>
              ))}
            </FigureTable>
          </section>

          <section className="card stack" aria-labelledby="by-grader">
            <h2 id="by-grader" className={styles.tight}>评分员宽严度</h2>
            <FigureTable label="各评分员的宽严度" columns={["评分员", "双评份数", "宽严度（百分点）"]}>
              {data.graders.map((g) => (
                <tr key={g.grader}>
                  <th scope="row">{graderName(names, g.grader)}</th>
                  <td>{g.n}</td>
                  <td>{formatLeniency(g.leniency)}</td>
                </tr>
              ))}
            </FigureTable>
          </section>
        </>
      ) : (
        <p className="card muted">还没有两位评分员都已完成评分的考核。</p>
      )}
    </div>
  );
}
