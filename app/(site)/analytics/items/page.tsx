import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { GROUP_SHARE, THRESHOLDS } from "@/lib/analytics/item-stats";
import { itemFiltersQuery, parseItemFilters, type ItemFilters } from "@/lib/analytics/schema";
import { requireStaff } from "@/lib/auth/guards";
import { MISCONCEPTION } from "@/lib/quiz/confidence";
import { loadAssessment } from "@/lib/content/banks";
import { ItemSections } from "./_components/item-sections";
import styles from "./items.module.css";

export const metadata: Metadata = { title: "题目分析" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ItemAnalysisPage({ searchParams }: Props) {
  const filters = parseItemFilters(await searchParams);
  const { minResponses } = loadAssessment().config.analytics;
  // Checked before anything streams, so others get a real 403 (or the sign-in redirect).
  await requireStaff(`/analytics/items${itemFiltersQuery(filters)}`);
  const link = (change: Partial<ItemFilters>) => `/analytics/items${itemFiltersQuery({ ...filters, ...change })}`;
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  return (
    <div className="stack">
      <section className="card stack">
        <p className="breadcrumb"><Link href="/analytics">学习数据分析</Link> / 题目分析</p>
        <h1>题目分析</h1>
        <ul className={styles.legend}>
          <li>难度：答对的比例。高于 {pct(THRESHOLDS.easy)} 标为「过易」，低于 {pct(THRESHOLDS.hard)} 标为「过难」。</li>
          <li>区分度：按该次测验得分排序，前 {pct(GROUP_SHARE)} 学员的答对率减去后 {pct(GROUP_SHARE)} 的答对率；低于 {THRESHOLDS.discrimination} 标为「区分度低」，负数说明高分学员反而答错更多，应检查答案。</li>
          <li>点二列：答对与否和测验得分的相关系数（−1 到 1），越高越能区分。</li>
          <li>高信心答错（信心标记测验）：选「高」信心作答中答错的人数/总数；至少 {MISCONCEPTION.minConfident} 人选「高」且其中答错不低于 {pct(MISCONCEPTION.wrongShare)} 时标为「高信心答错」，说明不少学员对这道题有相同的误解，宜在课程中澄清。</li>
          <li>选项分布：每个选项的原文、选择它的人数占比（条形长度与百分比），「✓ 正确答案」标出答案；多选题每个选项分别计数。</li>
          <li>多选题全对才算答对；每题只统计抽到这道题的作答。作答不足 {minResponses} 人的题目指标波动很大，暂不标记过易、过难和区分度低。</li>
        </ul>
        <div className={styles.filters}>
          <span>
            统计范围：{filters.scope === "first" ? <strong>每人首次作答</strong> : <Link href={link({ scope: "first" })}>每人首次作答</Link>} ·{" "}
            {filters.scope === "all" ? <strong>全部作答（含重做）</strong> : <Link href={link({ scope: "all" })}>全部作答（含重做）</Link>}
          </span>
          <Link href={link({ flagged: !filters.flagged })}>{filters.flagged ? "显示全部题目" : "只看有标记的题目"}</Link>
          <a className="button button--small button--ghost" href={`/analytics/items/export${itemFiltersQuery({ ...filters, flagged: false })}`} download>
            导出 CSV
          </a>
        </div>
      </section>
      <Suspense
        key={filters.scope}
        fallback={<p className="card muted" aria-busy="true">正在统计作答数据……</p>}
      >
        <ItemSections filters={filters} />
      </Suspense>
    </div>
  );
}
