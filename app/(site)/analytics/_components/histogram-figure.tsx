import type { Bin } from "@/lib/analytics/cohort";
import { HistogramChart, type Marker } from "./histogram-chart";
import styles from "../analytics.module.css";

/** A score histogram with its text alternative: a one-line summary and the table of bins. */
export function HistogramFigure({ title, bins, markers = [], height }: { title: string; bins: Bin[]; markers?: Marker[]; height?: number }) {
  const total = bins.reduce((sum, b) => sum + b.count, 0);
  const summary =
    `${title}直方图：共 ${total} 份成绩，` +
    bins.map((b) => `${b.label} 分 ${b.count} 份`).join("，") +
    (markers.length ? `；参考线：${markers.map((m) => m.label).join("、")}` : "");
  return (
    <figure className={styles.figure}>
      <figcaption className={styles.caption}>{title}</figcaption>
      {total === 0 ? (
        <p className="muted">暂无已发布的成绩。</p>
      ) : (
        <div role="img" aria-label={summary} className={styles.chart}>
          <HistogramChart bins={bins} markers={markers} height={height} />
        </div>
      )}
      <details>
        <summary>数据表</summary>
        <table className="progress-table">
          <caption className="visually-hidden">{title}（每 10 分一组）</caption>
          <thead>
            <tr><th scope="col">分数段</th><th scope="col">份数</th></tr>
          </thead>
          <tbody>
            {bins.map((b) => (
              <tr key={b.from}><th scope="row">{b.label}</th><td>{b.count}</td></tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
