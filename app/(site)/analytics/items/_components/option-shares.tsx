import type { ItemRow } from "@/lib/analytics/items";
import styles from "../items.module.css";

const percent = (share: number) => `${Math.round(share * 100)}%`;

/** Each option's text, a bar of the share who chose it with the share written out, the key marked. */
export function OptionShares({ row }: { row: ItemRow }) {
  const { n, options, blank } = row.stats;
  return (
    <ul className={styles.options}>
      {options.map((o) => {
        const key = row.answer.includes(o.id);
        return (
          <li key={o.id} className={key ? `${styles.option} ${styles.key}` : styles.option}>
            <span className={styles.optionText}>
              <b>{o.id.toUpperCase()}.</b> {row.optionText[o.id] ?? "（题库中已无此选项）"}
              {key ? <span className={styles.keyMark}>✓ 正确答案</span> : null}
            </span>
            <span className={styles.meter}>
              <span className={styles.bar} aria-hidden="true">
                <span style={{ width: percent(n ? o.share : 0) }} />
              </span>
              <span className={styles.share}>
                {n ? percent(o.share) : "—"}
                <span className="muted">（{o.count} 人）</span>
              </span>
            </span>
          </li>
        );
      })}
      {blank ? <li className="muted">未作答 {blank} 人</li> : null}
    </ul>
  );
}
