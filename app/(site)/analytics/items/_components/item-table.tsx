import { TableScroll } from "@/components/table-scroll";
import { FLAG_LABELS } from "@/lib/analytics/item-stats";
import type { ItemRow } from "@/lib/analytics/items";
import { OptionShares } from "./option-shares";
import styles from "../items.module.css";

const decimal = (x: number | null) => (x === null ? "—" : x.toFixed(2));
const percent = (x: number | null) => (x === null ? "—" : `${Math.round(x * 100)}%`);

/** One bank's questions with their statistics; the text alternative is the table itself. */
export function ItemTable({ rows, caption, minResponses }: { rows: ItemRow[]; caption: string; minResponses: number }) {
  return (
    <TableScroll label={caption}>
      <table className={`progress-table ${styles.table}`}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">题目</th>
            <th scope="col">人数</th>
            <th scope="col">难度</th>
            <th scope="col">区分度</th>
            <th scope="col">点二列</th>
            <th scope="col">高信心答错</th>
            <th scope="col">选项分布</th>
            <th scope="col">标记</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} className={row.stats.flags.length ? styles.flagged : undefined}>
              <th scope="row">
                <div className={styles.question}>
                  <code>{row.id}</code>
                  <span>{row.prompt ?? "（题库中已无此题）"}</span>
                  {row.file ? <small className="muted">{row.file}</small> : null}
                  {row.edited ? <small className={styles.note}>含旧版本题目的作答</small> : null}
                </div>
              </th>
              <td>{row.stats.n}</td>
              <td>{percent(row.stats.facility)}</td>
              <td title={row.stats.pUpper === null ? undefined : `高分组 ${percent(row.stats.pUpper)} − 低分组 ${percent(row.stats.pLower)}`}>
                {decimal(row.stats.discrimination)}
              </td>
              <td>{decimal(row.stats.pointBiserial)}</td>
              <td>{row.stats.confident ? `${row.stats.confidentWrong}/${row.stats.confident}（${percent(row.stats.confidentWrong / row.stats.confident)}）` : "—"}</td>
              <td className={styles.optionsCell}><OptionShares row={row} /></td>
              <td>
                {row.stats.flags.map((f) => <span key={f} className={styles.flag}>{FLAG_LABELS[f]}</span>)}
                {!row.stats.flaggable && row.stats.n ? <small className="muted">作答不足 {minResponses} 人，暂不标记难度和区分度</small> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
